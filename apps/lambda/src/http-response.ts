/** API Gateway v2 / Function URL structured result; the body is the JSON the CLI prints with --json. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function httpResponse(statusCode: number, value: unknown): HttpResponse {
  return {
    statusCode,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(value ?? null),
  };
}

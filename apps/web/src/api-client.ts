/** An answer of the JSON API that is not a result: the engine's typed error code and its message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiOptions = Record<string, string | number | boolean | undefined>;

/**
 * One command over the JSON API (`scrilla serve` locally, the Lambda functions behind CloudFront): a GET with
 * the request in the query string, which CloudFront can sign for a Function URL and cache.
 */
export async function callApi(command: string, tickers: readonly string[], options: ApiOptions = {}): Promise<unknown> {
  const query = new URLSearchParams();
  if (tickers.length > 0) query.set("tickers", tickers.join(","));
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && value !== "") query.set(name, String(value));
  }
  let response: Response;
  try {
    response = await fetch(`/api/${command}?${query}`, { headers: { accept: "application/json" } });
  } catch (cause) {
    throw new ApiError("NETWORK", `The server did not answer (${(cause as Error).message}); is scrilla serve running?`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("PROVIDER_ERROR", `The server answered ${response.status} with something that is not JSON.`);
  }
  if (response.ok) return body;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  throw new ApiError(
    typeof error?.code === "string" ? error.code : `HTTP_${response.status}`,
    typeof error?.message === "string" ? error.message : `The server answered ${response.status}.`,
  );
}

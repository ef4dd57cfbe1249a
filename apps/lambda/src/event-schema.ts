import { z } from "zod";

// The request schema is the engine's (@scrilla/engine/api), shared with `scrilla serve`.
export { type Invocation, type InvocationEnvelope, invocationSchema, MAX_SYMBOLS } from "@scrilla/engine/api";

/** The parts of an API Gateway v2 / Function URL event (payload format 2.0) the handler reads. */
export const httpEventSchema = z.looseObject({
  requestContext: z.looseObject({ http: z.looseObject({ method: z.string() }) }),
  rawQueryString: z.string().optional(),
  queryStringParameters: z.record(z.string(), z.string().optional()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().optional(),
});

export type HttpEvent = z.infer<typeof httpEventSchema>;

/** An HTTP event is recognised by `requestContext.http`, which direct invocations never carry. */
export function isHttpEvent(event: unknown): boolean {
  if (typeof event !== "object" || event === null) return false;
  const context = (event as { requestContext?: unknown }).requestContext;
  return typeof context === "object" && context !== null && "http" in context;
}

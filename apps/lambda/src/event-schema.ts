import * as z from "zod/mini";

// The request schema is the engine's (@scrilla/engine/api), shared with `scrilla serve`.
export { type Invocation, type InvocationEnvelope, invocationSchema, MAX_SYMBOLS } from "@scrilla/engine/api";

/** The parts of an API Gateway v2 / Function URL event (payload format 2.0) the handler reads. */
export const httpEventSchema = z.looseObject({
  requestContext: z.looseObject({ http: z.looseObject({ method: z.string() }) }),
  rawQueryString: z.optional(z.string()),
  queryStringParameters: z.nullish(z.record(z.string(), z.optional(z.string()))),
  body: z.nullish(z.string()),
  isBase64Encoded: z.optional(z.boolean()),
});

export type HttpEvent = z.output<typeof httpEventSchema>;

/** An HTTP event is recognised by `requestContext.http`, which direct invocations never carry. */
export function isHttpEvent(event: unknown): boolean {
  if (typeof event !== "object" || event === null) return false;
  const context = (event as { requestContext?: unknown }).requestContext;
  return typeof context === "object" && context !== null && "http" in context;
}

import { ScrillaError } from "@scrilla/core";

/** Reads a response body as text, streaming, and aborts once it passes `maxBytes` (no 300 MB string in memory). */
export async function readLimited(
  response: Response,
  maxBytes: number,
  abort: () => void,
  describe: string,
): Promise<string> {
  const tooLarge = (seen: string) =>
    new ScrillaError(
      "PROVIDER_ERROR",
      `${describe} sent ${seen}, more than the ${maxBytes} bytes accepted; the answer was dropped (not retried). Check the URL, or raise the limit if the data really is that large.`,
      { reason: "too-large", maxBytes },
    );
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw tooLarge(`a body of ${declared} bytes`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`over ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export const isTooLarge = (error: unknown): boolean =>
  error instanceof ScrillaError && error.details?.reason === "too-large";

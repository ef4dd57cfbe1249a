import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../src/index.js";
import { readLimited } from "../src/read-limited.js";
import { type Harness, rejectionOf, startHarness } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

const MAX = 64 * 1024;

describe("a body past the provider's size limit is dropped, not retried", () => {
  it("a declared Content-Length over the limit: PROVIDER_ERROR after one request", async () => {
    const http = new HttpClient({ retries: 3, backoffMs: 1, maxResponseBytes: MAX });
    harness.server.inject({ kind: "body", service: "treasury", body: "x".repeat(MAX + 1), times: 4 });
    const error = await rejectionOf(
      http.getText(new URL(`${harness.server.urls.treasury}/x`), { service: "US Treasury" }),
    );
    expect(error).toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringContaining(`more than the ${MAX} bytes`),
    });
    expect(harness.server.count({ service: "treasury" })).toBe(1);
    harness.server.reset();
  });

  it("a request's own limit wins over the client's, and a body at the limit is read whole", async () => {
    const http = new HttpClient({ retries: 0, maxResponseBytes: MAX });
    harness.server.inject({ kind: "body", service: "treasury", body: "y".repeat(100) });
    expect(await http.getText(new URL(`${harness.server.urls.treasury}/y`), { service: "T", maxBytes: 100 })).toBe(
      "y".repeat(100),
    );
    harness.server.inject({ kind: "body", service: "treasury", body: "y".repeat(101) });
    const error = await rejectionOf(
      http.getText(new URL(`${harness.server.urls.treasury}/y`), { service: "T", maxBytes: 100 }),
    );
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", details: { reason: "too-large", maxBytes: 100 } });
    harness.server.reset();
  });

  it("a streamed body without Content-Length is cut off once past the limit, and the stream is cancelled", async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new Uint8Array(1024).fill(65);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk); // endless: only the limit stops it
      },
      cancel() {
        cancelled = true;
      },
    });
    let aborted = false;
    const error = await rejectionOf(readLimited(new Response(stream), 10 * 1024, () => (aborted = true), "endless"));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", details: { reason: "too-large" } });
    expect(aborted && cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(12); // 11 chunks pass 10 KiB; a read-ahead of one is allowed
  });
});

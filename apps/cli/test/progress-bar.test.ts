import { PassThrough } from "node:stream";
import type { ProgressEvent } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { createProgressBar } from "../src/progress-bar.js";

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

const events = (total: number): ProgressEvent[] =>
  Array.from({ length: total }, (_, i): ProgressEvent[] => [
    { kind: "fetch-start", source: "prices", key: `T${i}`, completed: i, total },
    { kind: "fetch-done", source: "prices", key: `T${i}`, completed: i + 1, total },
  ]).flat();

describe("progress bar", () => {
  it("redraws one line on a terminal and clears it when every fetch is done", () => {
    const { stream, text } = capture(true);
    const bar = createProgressBar(stream, createLogger("info", stream));
    for (const event of events(4)) bar.onEvent(event);
    expect(text()).toContain("\r[############------------] 2/4 prices T1");
    expect(text()).toContain("4/4 prices T3");
    expect(text().endsWith("\r\u001b[K")).toBe(true);
    expect(text()).not.toContain("\n");
  });

  it("draws nothing when stderr is not a terminal, for single fetches, or at LOG_LEVEL=none", () => {
    const piped = capture(false);
    for (const event of events(3)) createProgressBar(piped.stream, createLogger("info", piped.stream)).onEvent(event);
    const single = capture(true);
    for (const event of events(1)) createProgressBar(single.stream, createLogger("info", single.stream)).onEvent(event);
    const silent = capture(true);
    for (const event of events(3)) createProgressBar(silent.stream, createLogger("none", silent.stream)).onEvent(event);
    expect([piped.text(), single.text(), silent.text()]).toEqual(["", "", ""]);
  });
});

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { lazyStream } from "../src/lazy-stream.js";

describe("lazyStream (stdout/stderr created at first use)", () => {
  it("opens the stream at the first use only, and then behaves as the stream", async () => {
    let opened = 0;
    const real = Object.assign(new PassThrough(), { isTTY: false });
    const stream = lazyStream(() => {
      opened++;
      return real as unknown as NodeJS.WriteStream;
    });
    expect(opened).toBe(0);
    const { write } = stream; // a detached method still writes to the real stream
    write("a");
    stream.write("b");
    expect(stream.isTTY).toBe(false);
    expect("write" in stream).toBe(true);
    expect(opened).toBe(1);
    real.end();
    const chunks: Buffer[] = [];
    for await (const chunk of real) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("ab");
  });
});

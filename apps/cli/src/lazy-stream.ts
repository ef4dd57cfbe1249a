import type { OutputStream } from "./cli-context.js";

/**
 * `process.stdout` or `process.stderr`, created at first use. Creating one on a pipe loads node:net and
 * node:stream (≈ 10 ms of a run), and many runs never write to one of them (`--quiet`, no logging).
 * Methods are bound to the real stream, so it behaves as the stream itself.
 */
export function lazyStream(open: () => NodeJS.WriteStream): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const real = () => {
    stream ??= open();
    return stream;
  };
  return new Proxy({} as OutputStream, {
    get(_, key) {
      const target = real();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => key in real(),
  });
}

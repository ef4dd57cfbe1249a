/**
 * Just enough of the WebAssembly binary format to assemble one small numeric kernel at run time,
 * written as named instructions so the kernel reads like its text form (WAT). Spec:
 * https://webassembly.github.io/spec/core/binary/ (SIMD opcodes: the 0xFD prefix).
 */
export type Bytes = number[];

export function unsignedLeb(value: number): Bytes {
  const out: Bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

export function signedLeb(value: number): Bytes {
  const out: Bytes = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vector = (items: Bytes[]): Bytes => [...unsignedLeb(items.length), ...items.flat()];
const section = (id: number, body: Bytes): Bytes => [id, ...unsignedLeb(body.length), ...body];
const utf8Name = (name: string): Bytes => vector(Array.from(new TextEncoder().encode(name), (b) => [b]));

export const I32 = 0x7f;
export const V128 = 0x7b;

/** Instructions used by the kernels (each returns its encoding). */
export const op = {
  block: (): Bytes => [0x02, 0x40],
  loop: (): Bytes => [0x03, 0x40],
  if: (): Bytes => [0x04, 0x40],
  else: (): Bytes => [0x05],
  end: (): Bytes => [0x0b],
  br: (depth: number): Bytes => [0x0c, ...unsignedLeb(depth)],
  brIf: (depth: number): Bytes => [0x0d, ...unsignedLeb(depth)],
  localGet: (index: number): Bytes => [0x20, ...unsignedLeb(index)],
  localSet: (index: number): Bytes => [0x21, ...unsignedLeb(index)],
  localTee: (index: number): Bytes => [0x22, ...unsignedLeb(index)],
  /** Stack: a, b, condition → condition ≠ 0 ? a : b. */
  select: (): Bytes => [0x1b],
  i32Const: (value: number): Bytes => [0x41, ...signedLeb(value)],
  i32Eqz: (): Bytes => [0x45],
  i32Eq: (): Bytes => [0x46],
  i32LtU: (): Bytes => [0x49],
  i32GeU: (): Bytes => [0x4f],
  i32Add: (): Bytes => [0x6a],
  i32Sub: (): Bytes => [0x6b],
  i32Mul: (): Bytes => [0x6c],
  i32Shl: (): Bytes => [0x74],
  /** memarg alignment 2^3: every address used is a multiple of 8. */
  v128Load: (offset: number): Bytes => [0xfd, 0x00, 3, ...unsignedLeb(offset)],
  v128Load64Splat: (offset: number): Bytes => [0xfd, 0x0a, 3, ...unsignedLeb(offset)],
  v128Store: (offset: number): Bytes => [0xfd, 0x0b, 3, ...unsignedLeb(offset)],
  v128Zero: (): Bytes => [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  /** Lanes: 16 byte indices into the concatenation of the two operands (0–15 first, 16–31 second). */
  i8x16Shuffle: (lanes: number[]): Bytes => [0xfd, 0x0d, ...lanes],
  f64x2Add: (): Bytes => [0xfd, ...unsignedLeb(0xf0)],
  f64x2Mul: (): Bytes => [0xfd, ...unsignedLeb(0xf2)],
  /** Relaxed SIMD: a·b + c, fused (one rounding) where the hardware has FMA. Stack: a, b, c. */
  f64x2RelaxedMadd: (): Bytes => [0xfd, ...unsignedLeb(0x107)],
};

export interface KernelFunction {
  exportName: string;
  params: number[];
  /** Extra locals as [count, type] runs, after the parameters. */
  locals: [number, number][];
  body: Bytes;
  /**
   * Import the memory as `env.memory` (1 page minimum, `maximumPages` at most) instead of defining it,
   * so several threads can share it; `shared` needs the threads feature and a SharedArrayBuffer.
   */
  importedMemory?: { shared: boolean; maximumPages: number };
}

/** A module with one memory (exported as "memory", 1 page to start) and one exported function. */
export function assembleModule(fn: KernelFunction): Uint8Array<ArrayBuffer> {
  const code = [...vector(fn.locals.map(([count, type]) => [...unsignedLeb(count), type])), ...fn.body, ...op.end()];
  const imported = fn.importedMemory;
  const memoryLimits = imported
    ? [imported.shared ? 0x03 : 0x01, 0x01, ...unsignedLeb(imported.maximumPages)]
    : [0x00, 0x01];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector(fn.params.map((type) => [type])), 0x00]])),
    ...(imported ? section(2, vector([[...utf8Name("env"), ...utf8Name("memory"), 0x02, ...memoryLimits]])) : []),
    ...section(3, vector([[0x00]])),
    ...(imported ? [] : section(5, vector([memoryLimits]))),
    ...section(
      7,
      vector([
        [...utf8Name(fn.exportName), 0x00, 0x00],
        [...utf8Name("memory"), 0x02, 0x00],
      ]),
    ),
    ...section(10, vector([[...unsignedLeb(code.length), ...code]])),
  ]);
}

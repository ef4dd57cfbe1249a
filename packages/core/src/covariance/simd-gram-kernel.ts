import { copyGram, type GramView, type RowWriter, rowsOf } from "./gram-rows.js";
import { workerPoolFor } from "./gram-worker-pool.js";
import { assembleModule, type Bytes, I32, op, V128 } from "./wasm-assembler.js";

/**
 * X·Xᵀ with WebAssembly SIMD (f64x2): rows packed in zero-padded panels of 4 (`panel[k·4 + r]`), one
 * 4×4 output tile per pair of panels (upper triangle only), held in eight 2-lane accumulators. Each
 * lane sums over k in order, so the plain variant equals the naive loop's bit for bit. Scalar
 * JavaScript is bound by one multiply and one add per cycle; two lanes per instruction roughly triple
 * the speed. The FMA variant (relaxed SIMD `f64x2.relaxed_madd`, fused where the CPU has FMA) halves
 * the instructions again; it rounds once per step instead of twice, so it differs from the naive loop
 * in the last bits. Each tile is stored twice, as is and transposed, straight into a row-major
 * (4·panels)² matrix, so the caller copies whole rows out instead of scattering tiles and mirroring.
 * Large products split the panel rows over worker threads (`gram-worker-pool.ts`).
 */
const TILE = 4;
const PAGE = 65_536;
/** Past this the scalar kernel is used rather than growing a wasm32 memory further. */
const MAX_MEMORY_BYTES = 1 << 30;

// Locals: parameters first, then i32 scratch, then v128 registers.
const PACKED = 0;
const PANELS = 1;
const COLS = 2;
const OUT = 3;
const FIRST = 4;
const LAST = 5; // panel rows FIRST ≤ p < LAST
const P = 6;
const Q = 7;
const PA = 8;
const PB = 9;
const END = 10;
const STRIDE = 11; // bytes per packed panel: cols · 32
const OUT_ROW = 12; // bytes per output row: panels · 32
const ACC = 13; // ACC + 2r holds tile row r columns 0–1, ACC + 2r + 1 columns 2–3
const A = 21;
const B01 = 22;
const B23 = 23;
const I32_LOCALS = 7;
const V128_LOCALS = 11;

/** i8x16.shuffle lanes taking f64 lane `lane` of each operand: [first[lane], second[lane]]. */
const PAIR_OF_LANE = (lane: number): number[] => [
  ...Array.from({ length: 8 }, (_, i) => 8 * lane + i),
  ...Array.from({ length: 8 }, (_, i) => 16 + 8 * lane + i),
];

const repeat = (count: number, emit: (i: number) => Bytes): Bytes =>
  Array.from({ length: count }, (_, i) => emit(i)).flat();

/**
 * gram(packed, panels, cols, out, first, last): for panel rows first ≤ p < last and every q ≥ p, the
 * 4×4 tile of rows 4p.. × columns 4q.. goes to the row-major (4·panels)² matrix at `out`, and its
 * transpose to rows 4q.. × columns 4p.. (on the diagonal both stores write the same numbers).
 */
function gramKernelBody(fma: boolean): Bytes {
  const { localGet: get, localSet: set, localTee: tee } = op;
  // acc += a·b, fused or as a multiply then an add
  const multiplyAdd = (b: number, acc: number): Bytes =>
    fma
      ? [...get(b), ...get(acc), ...op.f64x2RelaxedMadd(), ...set(acc)]
      : [...get(b), ...op.f64x2Mul(), ...get(acc), ...op.f64x2Add(), ...set(acc)];
  // tile row r: acc[2r] += splat(a_r)·b01, acc[2r+1] += splat(a_r)·b23
  // biome-ignore format: one instruction group per line mirrors the text format
  const accumulate = (r: number): Bytes => [
    ...get(PA), ...op.v128Load64Splat(8 * r), ...tee(A), ...multiplyAdd(B01, ACC + 2 * r),
    ...get(A), ...multiplyAdd(B23, ACC + 2 * r + 1),
  ];
  // PB = out + row·OUT_ROW·4 + column·32: the first element of tile (row, column)
  // biome-ignore format: one instruction group per line mirrors the text format
  const tileAddress = (row: number, column: number): Bytes => [
    ...get(OUT), ...get(row), ...get(OUT_ROW), ...op.i32Mul(), ...op.i32Const(2), ...op.i32Shl(), ...op.i32Add(),
    ...get(column), ...op.i32Const(5), ...op.i32Shl(), ...op.i32Add(), ...set(PB),
  ];
  const nextOutputRow = (): Bytes => [...get(PB), ...get(OUT_ROW), ...op.i32Add(), ...set(PB)];
  // tile row r is [acc[2r], acc[2r+1]]
  // biome-ignore format: one instruction group per line mirrors the text format
  const storeRow = (r: number): Bytes => [
    ...get(PB), ...get(ACC + 2 * r), ...op.v128Store(0),
    ...get(PB), ...get(ACC + 2 * r + 1), ...op.v128Store(16),
    ...nextOutputRow(),
  ];
  // transposed row s (tile column s) is [acc[h][l], acc[2+h][l]], [acc[4+h][l], acc[6+h][l]], h = s>>1, l = s&1
  const pairOf = (first: number, second: number, lane: number): Bytes => [
    ...get(first),
    ...get(second),
    ...op.i8x16Shuffle(PAIR_OF_LANE(lane)),
  ];
  // biome-ignore format: one instruction group per line mirrors the text format
  const storeColumn = (s: number): Bytes => [
    ...get(PB), ...pairOf(ACC + (s >> 1), ACC + 2 + (s >> 1), s & 1), ...op.v128Store(0),
    ...get(PB), ...pairOf(ACC + 4 + (s >> 1), ACC + 6 + (s >> 1), s & 1), ...op.v128Store(16),
    ...nextOutputRow(),
  ];
  // biome-ignore format: one instruction group per line mirrors the text format
  return [
    ...get(COLS), ...op.i32Const(5), ...op.i32Shl(), ...set(STRIDE),
    ...get(PANELS), ...op.i32Const(5), ...op.i32Shl(), ...set(OUT_ROW),
    ...get(FIRST), ...set(P),
    ...op.block(), ...op.loop(), // for p in first..last
      ...get(P), ...get(LAST), ...op.i32GeU(), ...op.brIf(1),
      ...get(P), ...set(Q),
      ...op.block(), ...op.loop(), // for q in p..panels
        ...get(Q), ...get(PANELS), ...op.i32GeU(), ...op.brIf(1),
        ...get(PACKED), ...get(P), ...get(STRIDE), ...op.i32Mul(), ...op.i32Add(), ...tee(PA),
        ...get(STRIDE), ...op.i32Add(), ...set(END),
        ...get(PACKED), ...get(Q), ...get(STRIDE), ...op.i32Mul(), ...op.i32Add(), ...set(PB),
        ...op.v128Zero(), ...repeat(7, (i) => tee(ACC + i)), ...set(ACC + 7),
        ...op.loop(), // for k in 0..cols (cols ≥ 1)
          ...get(PB), ...op.v128Load(0), ...set(B01),
          ...get(PB), ...op.v128Load(16), ...set(B23),
          ...repeat(TILE, accumulate),
          ...get(PB), ...op.i32Const(32), ...op.i32Add(), ...set(PB),
          ...get(PA), ...op.i32Const(32), ...op.i32Add(), ...tee(PA), ...get(END), ...op.i32LtU(), ...op.brIf(0),
        ...op.end(),
        ...tileAddress(P, Q), ...repeat(TILE, storeRow),
        ...tileAddress(Q, P), ...repeat(TILE, storeColumn),
        ...get(Q), ...op.i32Const(1), ...op.i32Add(), ...set(Q), ...op.br(0),
      ...op.end(), ...op.end(),
      ...get(P), ...op.i32Const(1), ...op.i32Add(), ...set(P), ...op.br(0),
    ...op.end(), ...op.end(),
  ];
}

/** The slice of the WebAssembly JS API used here (core compiles without DOM typings). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
}

export interface WasmMemory {
  buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

export type GramFunction = (
  packed: number,
  panels: number,
  cols: number,
  out: number,
  first: number,
  last: number,
) => void;

/** A compiled kernel variant with its own memory; `shared` memories can be handed to worker threads. */
export interface GramKernel {
  bytes: Uint8Array<ArrayBuffer>;
  memory: WasmMemory;
  gram: GramFunction;
  fma: boolean;
  shared: boolean;
}

export interface GramKernelOptions {
  /** Use the fused multiply-add variant (default: wherever the runtime has relaxed SIMD). */
  fma?: boolean;
  /**
   * Split the work over worker threads: `true` whenever a pool can exist (Node), `false` never; by
   * default only above `PARALLEL_MIN_MULTIPLY_ADDS`, where the hand-off is a small fraction of the work.
   */
  parallel?: boolean;
}

/** rows²·cols/2 above which the default splits a product over threads (≈ 180 assets × 1,260 days). */
export const PARALLEL_MIN_MULTIPLY_ADDS = 2e7;
const MAX_PAGES = MAX_MEMORY_BYTES / PAGE;

const wasmApi = (): WasmApi | undefined => (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

function kernelBytes(fma: boolean, shared: boolean): Uint8Array<ArrayBuffer> {
  return assembleModule({
    exportName: "gram",
    params: [I32, I32, I32, I32, I32, I32],
    locals: [
      [I32_LOCALS, I32],
      [V128_LOCALS, V128],
    ],
    body: gramKernelBody(fma),
    importedMemory: { shared, maximumPages: MAX_PAGES },
  });
}

const kernels = new Map<string, GramKernel | null>();

/** A compiled variant, or null where this runtime cannot run it (no SIMD, no relaxed SIMD, no shared memory). */
export function gramKernel(fma: boolean, shared: boolean): GramKernel | null {
  const key = `${fma}/${shared}`;
  const cached = kernels.get(key);
  if (cached !== undefined) return cached;
  const wasm = wasmApi();
  const bytes = kernelBytes(fma, shared);
  let kernel: GramKernel | null = null;
  if (wasm?.validate(bytes)) {
    try {
      const memory = new wasm.Memory({ initial: 1, maximum: MAX_PAGES, shared });
      const { exports } = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
      kernel = { bytes, memory, gram: (exports as { gram: GramFunction }).gram, fma, shared };
    } catch {
      kernel = null; // e.g. shared memory without cross-origin isolation in a browser
    }
  }
  kernels.set(key, kernel);
  return kernel;
}

/** True when the runtime has relaxed SIMD, so the fused multiply-add kernel runs. Decided once. */
export function relaxedSimdAvailable(): boolean {
  return gramKernel(true, false) !== null;
}

/** X·Xᵀ (rows × rows, row-major) by a SIMD kernel, or undefined when it cannot run here. */
export function simdSymmetricGram(
  x: Float64Array,
  rows: number,
  cols: number,
  options: GramKernelOptions = {},
): Float64Array | undefined {
  return simdSymmetricGramOfRows(rows, cols, rowsOf(x, cols), options);
}

/** X·Xᵀ with X given row by row (`writeRow` packs each row once), or undefined when it cannot run here. */
export function simdSymmetricGramOfRows(
  rows: number,
  cols: number,
  writeRow: RowWriter,
  options: GramKernelOptions = {},
): Float64Array | undefined {
  const result = simdSymmetricGramView(rows, cols, writeRow, options);
  return result && copyGram(result, rows);
}

/**
 * X·Xᵀ left in the kernel's memory: element (i, j) at `view[i·stride + j]`. The view is only valid
 * until the next Gram product, so callers read it at once; it saves allocating (and, on first touch,
 * page-faulting) a rows² array when the caller converts the matrix anyway.
 */
export function simdSymmetricGramView(
  rows: number,
  cols: number,
  writeRow: RowWriter,
  options: GramKernelOptions = {},
): GramView | undefined {
  if (cols < 1 || rows < 1) return undefined;
  const panels = Math.ceil(rows / TILE);
  const width = panels * TILE;
  const packedBytes = panels * cols * TILE * 8;
  const neededBytes = packedBytes + width * width * 8;
  if (neededBytes > MAX_MEMORY_BYTES) return undefined;
  const fma = options.fma ?? relaxedSimdAvailable();
  const wantsThreads = options.parallel ?? (rows * rows * cols) / 2 >= PARALLEL_MIN_MULTIPLY_ADDS;
  const sharedKernel = wantsThreads ? gramKernel(fma, true) : null;
  const pool = sharedKernel ? workerPoolFor(sharedKernel) : undefined;
  const kernel = pool ? sharedKernel : gramKernel(fma, false);
  if (!kernel) return undefined;
  const { memory } = kernel;
  if (memory.buffer.byteLength < neededBytes) {
    memory.grow(Math.ceil((neededBytes - memory.buffer.byteLength) / PAGE));
  }
  const heap = new Float64Array(memory.buffer, 0, neededBytes / 8);
  for (let row = 0; row < width; row++) {
    const offset = Math.floor(row / TILE) * cols * TILE + (row % TILE);
    if (row < rows) writeRow(row, heap, offset, TILE);
    else for (let k = 0; k < cols; k++) heap[offset + k * TILE] = 0; // padding rows of the last panel
  }
  if (pool) pool.run(panels, cols, packedBytes);
  else kernel.gram(0, panels, cols, packedBytes, 0, panels);
  return { view: heap.subarray(packedBytes / 8), stride: width };
}

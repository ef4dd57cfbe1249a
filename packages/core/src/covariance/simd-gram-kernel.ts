import { gramKernelBytes, packRow, TILE } from "./gram-kernel-module.js";
import { copyGram, type GramView, type RowWriter, rowsOf } from "./gram-rows.js";
import { workerPoolFor } from "./gram-worker-pool.js";

/**
 * Runs the WebAssembly Gram kernel (`gram-kernel-module.ts`): compiles the plain and FMA variants where
 * the runtime validates them, grows one memory per variant as needed, packs the rows into it and reads
 * the product back.
 */
const PAGE = 65_536;
/** Past this the scalar kernel is used rather than growing a wasm32 memory further. */
const MAX_MEMORY_BYTES = 1 << 30;

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

const kernels = new Map<string, GramKernel | null>();

/** A compiled variant, or null where this runtime cannot run it (no SIMD, no relaxed SIMD, no shared memory). */
export function gramKernel(fma: boolean, shared: boolean): GramKernel | null {
  const key = `${fma}/${shared}`;
  const cached = kernels.get(key);
  if (cached !== undefined) return cached;
  const wasm = wasmApi();
  const bytes = gramKernelBytes(fma, shared, MAX_PAGES);
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
  const row = new Float64Array(cols);
  for (let i = 0; i < width; i++) {
    if (i < rows) writeRow(i, row, 0, 1);
    else row.fill(0); // padding rows of the last panel
    packRow(heap, row, i, width);
  }
  if (pool) pool.run(panels, cols, packedBytes);
  else kernel.gram(0, panels, cols, packedBytes, 0, panels);
  return { view: heap.subarray(packedBytes / 8), stride: width };
}

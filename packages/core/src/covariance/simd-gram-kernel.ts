import { assembleModule, type Bytes, I32, op, V128 } from "./wasm-assembler.js";

/**
 * X·Xᵀ with WebAssembly SIMD (f64x2): rows packed in zero-padded panels of 4 (`panel[k·4 + r]`), one
 * 4×4 output tile per pair of panels (upper triangle only), held in eight 2-lane accumulators. Each
 * lane sums over k in order, so results equal the naive loop's bit for bit. Scalar JavaScript is
 * bound by one multiply and one add per cycle; two lanes per instruction roughly triple the speed.
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
const P = 4;
const Q = 5;
const PA = 6;
const PB = 7;
const END = 8;
const STRIDE = 9;
const ACC = 10; // ACC + 2r holds tile row r columns 0–1, ACC + 2r + 1 columns 2–3
const A = 18;
const B01 = 19;
const B23 = 20;

const repeat = (count: number, emit: (i: number) => Bytes): Bytes =>
  Array.from({ length: count }, (_, i) => emit(i)).flat();

/** gram(packed, panels, cols, out): tile (p, q ≥ p) goes to out + (p·panels + q)·128 bytes, row-major. */
function gramKernelBody(): Bytes {
  const { localGet: get, localSet: set, localTee: tee } = op;
  // tile row r: acc[2r] += splat(a_r)·b01, acc[2r+1] += splat(a_r)·b23
  // biome-ignore format: one instruction group per line mirrors the text format
  const accumulate = (r: number): Bytes => [
    ...get(PA), ...op.v128Load64Splat(8 * r), ...tee(A),
    ...get(B01), ...op.f64x2Mul(), ...get(ACC + 2 * r), ...op.f64x2Add(), ...set(ACC + 2 * r),
    ...get(A), ...get(B23), ...op.f64x2Mul(), ...get(ACC + 2 * r + 1), ...op.f64x2Add(), ...set(ACC + 2 * r + 1),
  ];
  // biome-ignore format: one instruction group per line mirrors the text format
  return [
    ...get(COLS), ...op.i32Const(5), ...op.i32Shl(), ...set(STRIDE), // stride = cols · 32 bytes
    ...op.i32Const(0), ...set(P),
    ...op.block(), ...op.loop(), // for p in 0..panels
      ...get(P), ...get(PANELS), ...op.i32GeU(), ...op.brIf(1),
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
        ...get(OUT), ...get(P), ...get(PANELS), ...op.i32Mul(), ...get(Q), ...op.i32Add(),
        ...op.i32Const(7), ...op.i32Shl(), ...op.i32Add(), ...set(PB),
        ...repeat(8, (i) => [...get(PB), ...get(ACC + i), ...op.v128Store(16 * i)]),
        ...get(Q), ...op.i32Const(1), ...op.i32Add(), ...set(Q), ...op.br(0),
      ...op.end(), ...op.end(),
      ...get(P), ...op.i32Const(1), ...op.i32Add(), ...set(P), ...op.br(0),
    ...op.end(), ...op.end(),
  ];
}

/** The slice of the WebAssembly JS API used here (core compiles without DOM or Node typings). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface GramInstance {
  gram: (packed: number, panels: number, cols: number, out: number) => void;
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
}

let instance: GramInstance | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable. Compiled once, on first use. */
function gramInstance(): GramInstance | null {
  if (instance !== undefined) return instance;
  const bytes = assembleModule({
    exportName: "gram",
    params: [I32, I32, I32, I32],
    locals: [
      [6, I32],
      [11, V128],
    ],
    body: gramKernelBody(),
  });
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm?.validate(bytes)) {
    instance = null;
    return instance;
  }
  instance = new wasm.Instance(new wasm.Module(bytes)).exports as GramInstance;
  return instance;
}

/** X·Xᵀ (rows × rows, row-major) by the SIMD kernel, or undefined when it cannot run here. */
export function simdSymmetricGram(x: Float64Array, rows: number, cols: number): Float64Array | undefined {
  if (cols < 1 || rows < 1) return undefined;
  const panels = Math.ceil(rows / TILE);
  const packedBytes = panels * cols * TILE * 8;
  const neededBytes = packedBytes + panels * panels * TILE * TILE * 8;
  if (neededBytes > MAX_MEMORY_BYTES) return undefined;
  const kernel = gramInstance();
  if (!kernel) return undefined;
  const { memory } = kernel;
  if (memory.buffer.byteLength < neededBytes) {
    memory.grow(Math.ceil((neededBytes - memory.buffer.byteLength) / PAGE));
  }
  const heap = new Float64Array(memory.buffer, 0, neededBytes / 8);
  heap.fill(0, 0, packedBytes / 8);
  for (let row = 0; row < rows; row++) {
    const base = Math.floor(row / TILE) * cols * TILE + (row % TILE);
    const source = row * cols;
    for (let k = 0; k < cols; k++) heap[base + k * TILE] = x[source + k]!;
  }
  kernel.gram(0, panels, cols, packedBytes);
  const tiles = packedBytes / 8;
  const gram = new Float64Array(rows * rows);
  for (let p = 0; p < panels; p++) {
    for (let q = p; q < panels; q++) {
      const tile = tiles + (p * panels + q) * TILE * TILE;
      for (let r = 0; r < TILE && p * TILE + r < rows; r++) {
        const rowBase = (p * TILE + r) * rows + q * TILE;
        for (let s = 0; s < TILE && q * TILE + s < rows; s++) gram[rowBase + s] = heap[tile + r * TILE + s]!;
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < i; j++) gram[i * rows + j] = gram[j * rows + i]!;
  }
  return gram;
}

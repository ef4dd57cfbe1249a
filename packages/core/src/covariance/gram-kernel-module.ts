import { assembleModule, type Bytes, I32, op, V128 } from "./wasm-assembler.js";

/**
 * X·Xᵀ with WebAssembly SIMD (f64x2): rows packed in zero-padded panels of 4 (`panel[k·4 + r]`, cut
 * into depth blocks, see `packRow`), one 4×4 output tile per pair of panels (upper triangle only),
 * held in eight 2-lane accumulators (a register-blocked micro-kernel: 6 loads per 8 FMAs). Each lane sums over k in order, so the plain variant equals the naive loop's bit for bit. Scalar
 * JavaScript is bound by one multiply and one add per cycle; two lanes per instruction roughly triple
 * the speed. The FMA variant (relaxed SIMD `f64x2.relaxed_madd`, fused where the CPU has FMA) halves
 * the instructions again; it rounds once per step instead of twice, so it differs from the naive loop
 * in the last bits. Each tile is stored twice, as is and transposed, straight into a row-major
 * (4·panels)² matrix, so the caller copies whole rows out instead of scattering tiles and mirroring.
 * Large products split the panel rows over worker threads (`gram-worker-pool.ts`); `simd-gram-kernel.ts`
 * compiles the variants and packs the rows.
 */
export const TILE = 4;

/**
 * Columns per depth block: a 4-row slice of the left panel (8 KiB) stays in L1 while the right panels
 * stream past it; each tile's partial sums are kept in the output between blocks. Measured (interleaved
 * runs, one thread): 5–8 % faster at 500 × 1,260 and 6–22 % at 1,000 × 1,260, ≈ 11 GMAC/s per core,
 * close to two 2-lane FMAs per cycle.
 */
export const DEPTH_BLOCK = 256;

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
const STRIDE = 11; // bytes per panel within the current depth block: (kEnd − k0) · 32
const OUT_ROW = 12; // bytes per output row: panels · 32
const K0 = 13; // depth block K0 ≤ k < K_END
const K_END = 14;
const TILE_AT = 15; // address of tile (p, q)
const BLOCK = 16; // address of the current depth block
const ACC = 17; // ACC + 2r holds tile row r columns 0–1, ACC + 2r + 1 columns 2–3
const A = 25;
const B01 = 26;
const B23 = 27;
const I32_LOCALS = 11;
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
 * transpose to rows 4q.. × columns 4p.. (on the diagonal both stores write the same numbers). Depth
 * blocks resume from the stored partial sums, so every lane still adds its products in order of k.
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
  // out + row·OUT_ROW·4 + column·32: the first element of tile (row, column)
  // biome-ignore format: one instruction group per line mirrors the text format
  const tileAddress = (row: number, column: number): Bytes => [
    ...get(OUT), ...get(row), ...get(OUT_ROW), ...op.i32Mul(), ...op.i32Const(2), ...op.i32Shl(), ...op.i32Add(),
    ...get(column), ...op.i32Const(5), ...op.i32Shl(), ...op.i32Add(),
  ];
  // biome-ignore format: one instruction group per line mirrors the text format
  const loadRow = (r: number): Bytes => [
    ...get(PB), ...op.v128Load(0), ...set(ACC + 2 * r),
    ...get(PB), ...op.v128Load(16), ...set(ACC + 2 * r + 1),
    ...nextOutputRow(),
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
    ...get(PANELS), ...op.i32Const(5), ...op.i32Shl(), ...set(OUT_ROW),
    ...get(FIRST), ...set(P),
    ...op.block(), ...op.loop(), // for p in first..last
      ...get(P), ...get(LAST), ...op.i32GeU(), ...op.brIf(1),
      ...op.i32Const(0), ...set(K0),
      ...op.block(), ...op.loop(), // for each depth block k0..kEnd
        ...get(K0), ...get(COLS), ...op.i32GeU(), ...op.brIf(1),
        // kEnd = min(k0 + DEPTH_BLOCK, cols)
        ...get(K0), ...op.i32Const(DEPTH_BLOCK), ...op.i32Add(), ...tee(K_END), ...get(COLS),
        ...get(K_END), ...get(COLS), ...op.i32LtU(), ...op.select(), ...set(K_END),
        ...get(P), ...set(Q),
        ...op.block(), ...op.loop(), // for q in p..panels
          ...get(Q), ...get(PANELS), ...op.i32GeU(), ...op.brIf(1),
          // block base = packed + k0·panels·32; panel stride within the block = (kEnd − k0)·32
          ...get(K_END), ...get(K0), ...op.i32Sub(), ...op.i32Const(5), ...op.i32Shl(), ...set(STRIDE),
          ...get(PACKED), ...get(K0), ...get(OUT_ROW), ...op.i32Mul(), ...op.i32Add(), ...set(BLOCK),
          ...get(BLOCK), ...get(P), ...get(STRIDE), ...op.i32Mul(), ...op.i32Add(), ...tee(PA),
          ...get(STRIDE), ...op.i32Add(), ...set(END),
          ...tileAddress(P, Q), ...tee(TILE_AT), ...set(PB),
          ...get(K0), ...op.i32Eqz(), ...op.if(),
            ...op.v128Zero(), ...repeat(7, (i) => tee(ACC + i)), ...set(ACC + 7),
          ...op.else(), // resume from the partial sums of the previous depth blocks
            ...repeat(TILE, loadRow),
          ...op.end(),
          ...get(BLOCK), ...get(Q), ...get(STRIDE), ...op.i32Mul(), ...op.i32Add(), ...set(PB),
          ...op.loop(), // for k in k0..kEnd (at least one)
            ...get(PB), ...op.v128Load(0), ...set(B01),
            ...get(PB), ...op.v128Load(16), ...set(B23),
            ...repeat(TILE, accumulate),
            ...get(PB), ...op.i32Const(32), ...op.i32Add(), ...set(PB),
            ...get(PA), ...op.i32Const(32), ...op.i32Add(), ...tee(PA), ...get(END), ...op.i32LtU(), ...op.brIf(0),
          ...op.end(),
          ...get(TILE_AT), ...set(PB), ...repeat(TILE, storeRow),
          ...get(K_END), ...get(COLS), ...op.i32Eq(), ...op.if(), // last block: the transposed copy too
            ...tileAddress(Q, P), ...set(PB), ...repeat(TILE, storeColumn),
          ...op.end(),
          ...get(Q), ...op.i32Const(1), ...op.i32Add(), ...set(Q), ...op.br(0),
        ...op.end(), ...op.end(),
        ...get(K_END), ...set(K0), ...op.br(0),
      ...op.end(), ...op.end(),
      ...get(P), ...op.i32Const(1), ...op.i32Add(), ...set(P), ...op.br(0),
    ...op.end(), ...op.end(),
  ];
}

/** The module: `gram` over an imported memory (shared for worker threads), at most `maximumPages`. */
export function gramKernelBytes(fma: boolean, shared: boolean, maximumPages: number): Uint8Array<ArrayBuffer> {
  return assembleModule({
    exportName: "gram",
    params: [I32, I32, I32, I32, I32, I32],
    locals: [
      [I32_LOCALS, I32],
      [V128_LOCALS, V128],
    ],
    body: gramKernelBody(fma),
    importedMemory: { shared, maximumPages },
  });
}

/**
 * Row i into the packed layout: depth block by depth block (`DEPTH_BLOCK` columns, the last one
 * shorter), each block holding every panel's slice contiguously, `[k − k0][r]` within a slice.
 */
export function packRow(heap: Float64Array, row: Float64Array, i: number, width: number): void {
  const cols = row.length;
  const r = i % TILE;
  const panel = (i - r) / TILE;
  for (let k0 = 0; k0 < cols; k0 += DEPTH_BLOCK) {
    const length = Math.min(DEPTH_BLOCK, cols - k0);
    const base = k0 * width + panel * length * TILE + r - k0 * TILE;
    for (let k = k0; k < k0 + length; k++) heap[base + k * TILE] = row[k]!;
  }
}

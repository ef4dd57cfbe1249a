import { type GramView, type RowWriter, rowsOf } from "./gram-rows.js";
import { simdSymmetricGramOfRows, simdSymmetricGramView } from "./simd-gram-kernel.js";

/**
 * X·Xᵀ for a row-major `rows × cols` matrix X: the hot loop of every covariance and correlation matrix.
 * Uses the WebAssembly SIMD kernel where available, else the scalar kernel below.
 */
export function symmetricGram(x: Float64Array, rows: number, cols: number): Float64Array {
  return symmetricGramOfRows(rows, cols, rowsOf(x, cols));
}

/** X·Xᵀ with X given row by row, so the caller can transform each row as it is packed (no copy of X). */
export function symmetricGramOfRows(rows: number, cols: number, writeRow: RowWriter): Float64Array {
  return simdSymmetricGramOfRows(rows, cols, writeRow) ?? scalarSymmetricGramOfRows(rows, cols, writeRow);
}

/** The same, possibly left in the SIMD kernel's memory: read it before the next Gram product. */
export function symmetricGramView(rows: number, cols: number, writeRow: RowWriter): GramView {
  return (
    simdSymmetricGramView(rows, cols, writeRow) ?? {
      view: scalarSymmetricGramOfRows(rows, cols, writeRow),
      stride: rows,
    }
  );
}

/**
 * Scalar fallback and reference.
 * Rows are packed in panels of 4 (`panel[k * 4 + r]`, zero-padded) so the 4×4 register-tiled micro-kernel
 * reads two contiguous streams, and the inner dimension is cut into blocks that keep a panel chunk in
 * L1 while the other panels stream past it. Only tiles on or above the diagonal are computed; the
 * result is mirrored. About 4× faster than the naive triple loop at 500 × 1,260.
 */
const TILE = 4;
const DEPTH_BLOCK = 256;

export function scalarSymmetricGram(x: Float64Array, rows: number, cols: number): Float64Array {
  return scalarSymmetricGramOfRows(rows, cols, rowsOf(x, cols));
}

export function scalarSymmetricGramOfRows(rows: number, cols: number, writeRow: RowWriter): Float64Array {
  const panels = Math.ceil(rows / TILE);
  const packed = new Float64Array(panels * cols * TILE);
  for (let row = 0; row < rows; row++) writeRow(row, packed, Math.floor(row / TILE) * cols * TILE + (row % TILE), TILE);
  const gram = new Float64Array(rows * rows);
  const tile = new Float64Array(TILE * TILE);
  for (let k0 = 0; k0 < cols; k0 += DEPTH_BLOCK) {
    const k1 = Math.min(cols, k0 + DEPTH_BLOCK);
    for (let p = 0; p < panels; p++) {
      for (let q = p; q < panels; q++) {
        microKernel(packed, p * cols * TILE, q * cols * TILE, k0, k1, tile);
        accumulateTile(gram, rows, p * TILE, q * TILE, tile);
      }
    }
  }
  mirrorUpperToLower(gram, rows);
  return gram;
}

function microKernel(packed: Float64Array, pa: number, pb: number, k0: number, k1: number, out: Float64Array): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  let ia = pa + k0 * TILE;
  let ib = pb + k0 * TILE;
  const end = pa + k1 * TILE;
  for (; ia < end; ia += TILE, ib += TILE) {
    const a0 = packed[ia]!,
      a1 = packed[ia + 1]!,
      a2 = packed[ia + 2]!,
      a3 = packed[ia + 3]!;
    const b0 = packed[ib]!,
      b1 = packed[ib + 1]!,
      b2 = packed[ib + 2]!,
      b3 = packed[ib + 3]!;
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  out[0] = c00;
  out[1] = c01;
  out[2] = c02;
  out[3] = c03;
  out[4] = c10;
  out[5] = c11;
  out[6] = c12;
  out[7] = c13;
  out[8] = c20;
  out[9] = c21;
  out[10] = c22;
  out[11] = c23;
  out[12] = c30;
  out[13] = c31;
  out[14] = c32;
  out[15] = c33;
}

function accumulateTile(gram: Float64Array, rows: number, i0: number, j0: number, tile: Float64Array): void {
  const iEnd = Math.min(TILE, rows - i0);
  const jEnd = Math.min(TILE, rows - j0);
  for (let r = 0; r < iEnd; r++) {
    const rowBase = (i0 + r) * rows + j0;
    for (let s = 0; s < jEnd; s++) gram[rowBase + s]! += tile[r * TILE + s]!;
  }
}

function mirrorUpperToLower(gram: Float64Array, rows: number): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < i; j++) gram[i * rows + j] = gram[j * rows + i]!;
  }
}

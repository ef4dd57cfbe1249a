/**
 * Writes row `row` of X into `target[offset + k·stride]` for k < cols. Gram kernels take X this way so
 * a caller can centre or scale each row while it is packed, instead of building a transformed copy of X
 * first.
 */
export type RowWriter = (row: number, target: Float64Array, offset: number, stride: number) => void;

/** The rows of a row-major matrix with `cols` columns, unchanged. */
export function rowsOf(x: Float64Array, cols: number): RowWriter {
  return (row, target, offset, stride) => {
    const source = row * cols;
    for (let k = 0; k < cols; k++) target[offset + k * stride] = x[source + k]!;
  };
}

/** A symmetric rows × rows matrix held row-major with `stride` ≥ rows: element (i, j) at view[i·stride + j]. */
export interface GramView {
  view: Float64Array;
  stride: number;
}

/** The matrix of a view as a dense rows × rows array. */
export function copyGram({ view, stride }: GramView, rows: number): Float64Array {
  if (stride === rows) return view.slice(0, rows * rows);
  const gram = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) gram.set(view.subarray(i * stride, i * stride + rows), i * rows);
  return gram;
}

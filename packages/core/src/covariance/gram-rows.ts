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

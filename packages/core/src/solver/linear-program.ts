/**
 * A linear (or convex quadratic) programme in the form HiGHS solves:
 *   minimise ½·xᵀQx + cᵀx  subject to  rowLower ≤ A·x ≤ rowUpper,  columnLower ≤ x ≤ columnUpper.
 * A is held by rows (CSR). Infinite bounds are ±Infinity.
 */
export interface LinearProgram {
  columns: number;
  cost: Float64Array;
  columnLower: Float64Array;
  columnUpper: Float64Array;
  rows: SparseRows;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Optional Hessian Q (positive semidefinite), lower triangle by columns (CSC). */
  hessian?: SparseRows;
  /** false skips HiGHS' presolve (faster on small dense LPs re-solved many times). */
  presolve?: boolean;
}

/** Compressed rows: row i has entries starts[i] … starts[i + 1] − 1 of (indices, values). */
export interface SparseRows {
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * The optimum with HiGHS' dual values: at optimality c + Q·x − Aᵀ·rowDuals − columnDuals = 0, with
 * a dual ≥ 0 on a constraint at its lower bound and ≤ 0 at its upper bound (minimisation).
 */
export interface LinearProgramSolution {
  x: Float64Array;
  rowActivity: Float64Array;
  rowDuals: Float64Array;
  columnDuals: Float64Array;
  objective: number;
}

/** Builds CSR rows from a list of sparse rows given as (column, value) pairs. */
export class RowBuilder {
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  /** Adds lower ≤ Σ values[k]·x[columns[k]] ≤ upper. */
  add(columns: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): void {
    for (let k = 0; k < columns.length; k++) {
      if (values[k] === 0) continue;
      this.indices.push(columns[k]!);
      this.values.push(values[k]!);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  get count(): number {
    return this.lower.length;
  }

  build(): { rows: SparseRows; rowLower: Float64Array; rowUpper: Float64Array } {
    return {
      rows: {
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upper),
    };
  }
}

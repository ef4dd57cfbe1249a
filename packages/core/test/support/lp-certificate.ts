/**
 * An optimality certificate for a linear programme computed in the test, independently of the solver:
 * given a candidate x of  minimise cᵀx s.t. nₖᵀx ≥ bₖ (inequalities) and nₖᵀx = bₖ (equalities), find
 * multipliers λ (≥ 0 on inequalities, free on equalities) with c = Σ λₖ·nₖ over the constraints active at
 * x, by non-negative least squares (Lawson & Hanson, "Solving Least Squares Problems", 1974, ch. 23).
 * The LP duality gap is then cᵀx − Σ λₖ·bₖ.
 */
export interface Row {
  normal: number[];
  bound: number;
  equality?: boolean;
}

export interface LpCertificate {
  multipliers: number[];
  /** ‖c − Σ λₖ nₖ‖∞ over active constraints. */
  stationarity: number;
  /** cᵀx − Σ λₖ bₖ. */
  dualityGap: number;
  /** Largest violation of a constraint by x. */
  infeasibility: number;
}

export function certifyLp(
  cost: number[],
  rows: readonly Row[],
  x: ArrayLike<number>,
  activeTolerance = 1e-9,
): LpCertificate {
  const value = (row: Row) => row.normal.reduce((sum, a, i) => sum + a * x[i]!, 0);
  let infeasibility = 0;
  const active: number[] = [];
  rows.forEach((row, k) => {
    const slack = value(row) - row.bound;
    infeasibility = Math.max(infeasibility, row.equality ? Math.abs(slack) : -slack);
    const scale = 1 + Math.abs(row.bound);
    if (row.equality || Math.abs(slack) <= activeTolerance * scale) active.push(k);
  });
  // Free multipliers of equalities are split into λ⁺ − λ⁻, both ≥ 0.
  const columns: number[][] = [];
  const owner: { row: number; sign: number }[] = [];
  for (const k of active) {
    columns.push(rows[k]!.normal);
    owner.push({ row: k, sign: 1 });
    if (rows[k]!.equality) {
      columns.push(rows[k]!.normal.map((a) => -a));
      owner.push({ row: k, sign: -1 });
    }
  }
  const solved = nnls(columns, cost);
  const multipliers = new Array<number>(rows.length).fill(0);
  owner.forEach(({ row, sign }, j) => {
    multipliers[row] = multipliers[row]! + sign * solved[j]!;
  });
  let stationarity = 0;
  for (let i = 0; i < cost.length; i++) {
    let sum = cost[i]!;
    rows.forEach((row, k) => {
      sum -= multipliers[k]! * row.normal[i]!;
    });
    stationarity = Math.max(stationarity, Math.abs(sum));
  }
  const primal = cost.reduce((sum, c, i) => sum + c * x[i]!, 0);
  const dual = rows.reduce((sum, row, k) => sum + multipliers[k]! * row.bound, 0);
  return { multipliers, stationarity, dualityGap: Math.abs(primal - dual), infeasibility };
}

/** min ‖A·z − target‖₂ s.t. z ≥ 0, A given by columns. */
export function nnls(columns: readonly number[][], target: readonly number[]): number[] {
  const m = columns.length;
  const z = new Array<number>(m).fill(0);
  const passive = new Set<number>();
  const residual = () => target.map((t, i) => t - columns.reduce((sum, column, j) => sum + column[i]! * z[j]!, 0));
  const gradient = () => {
    const r = residual();
    return columns.map((column) => column.reduce((sum, a, i) => sum + a * r[i]!, 0));
  };
  // Lawson–Hanson ends in far fewer steps; the caps only bound the time on degenerate (cycling) input.
  for (let outer = 0; outer < 3 * (m + 1); outer++) {
    const w = gradient();
    let best = -1;
    let bestValue = 1e-13;
    for (let j = 0; j < m; j++) {
      if (!passive.has(j) && w[j]! > bestValue) {
        bestValue = w[j]!;
        best = j;
      }
    }
    if (best < 0) break;
    passive.add(best);
    for (let inner = 0; inner < m + 1; inner++) {
      const set = [...passive];
      const s = leastSquares(
        set.map((j) => columns[j]!),
        target,
      );
      if (s.every((value) => value > 0)) {
        set.forEach((j, k) => {
          z[j] = s[k]!;
        });
        break;
      }
      let alpha = 1;
      set.forEach((j, k) => {
        if (s[k]! <= 0) alpha = Math.min(alpha, z[j]! / (z[j]! - s[k]!));
      });
      set.forEach((j, k) => {
        z[j] = z[j]! + alpha * (s[k]! - z[j]!);
        if (z[j]! <= 1e-15) {
          z[j] = 0;
          passive.delete(j);
        }
      });
    }
  }
  return z;
}

/** Least squares by the normal equations with a tiny ridge for rank deficiency (test sizes only). */
export function leastSquares(columns: readonly number[][], target: readonly number[]): number[] {
  const k = columns.length;
  const gram = columns.map((a) => columns.map((b) => a.reduce((sum, v, i) => sum + v * b[i]!, 0)));
  const rhs = columns.map((a) => a.reduce((sum, v, i) => sum + v * target[i]!, 0));
  for (let i = 0; i < k; i++) gram[i]![i] = gram[i]![i]! * (1 + 1e-14) + 1e-300;
  return solveDense(gram, rhs);
}

/** Gaussian elimination with partial pivoting. */
export function solveDense(matrix: number[][], rhs: number[]): number[] {
  const k = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    if (p === 0) continue;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const factor = a[r]![c]! / p;
      if (factor === 0) continue;
      for (let j = c; j <= k; j++) a[r]![j] = a[r]![j]! - factor * a[c]![j]!;
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[k]! / row[i]!));
}

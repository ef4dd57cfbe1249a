/**
 * A strictly convex quadratic programme
 *   minimise ½·xᵀGx + cᵀx  subject to  nₖᵀx = bₖ (equalities),  nₖᵀx ≥ bₖ (inequalities),
 * with G given by its lower Cholesky factor. Constraint normals are either a scaled unit vector
 * (a bound on one variable, the common case in portfolio problems, O(n) to apply) or a dense vector.
 */
export type LinearConstraint =
  | { kind: "unit"; index: number; coefficient: number; bound: number }
  | { kind: "dense"; normal: Float64Array; bound: number };

export interface QuadraticProgram {
  size: number;
  /** Lower Cholesky factor L of G = L·Lᵀ, row-major n×n. */
  choleskyLower: Float64Array;
  /** The linear term c. */
  linear: Float64Array;
  equalities: readonly LinearConstraint[];
  inequalities: readonly LinearConstraint[];
}

/**
 * The optimum and its Lagrange multipliers, oriented so that G·x + c = Σ λₖ·nₖ over all constraints
 * (inequality multipliers are ≥ 0 and zero when inactive).
 */
export interface QuadraticProgramSolution {
  x: Float64Array;
  equalityMultipliers: Float64Array;
  inequalityMultipliers: Float64Array;
  iterations: number;
}

export function constraintValue(constraint: LinearConstraint, x: ArrayLike<number>): number {
  if (constraint.kind === "unit") return constraint.coefficient * x[constraint.index]!;
  let sum = 0;
  const normal = constraint.normal;
  for (let i = 0; i < normal.length; i++) sum += normal[i]! * x[i]!;
  return sum;
}

export function constraintNorm(constraint: LinearConstraint): number {
  if (constraint.kind === "unit") return Math.abs(constraint.coefficient);
  let sum = 0;
  for (const value of constraint.normal) sum += value * value;
  return Math.sqrt(sum);
}

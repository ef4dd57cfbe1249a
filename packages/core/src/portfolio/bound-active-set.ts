import { cholesky, choleskySolve } from "../linalg/cholesky.js";

/**
 *   minimise ½·xᵀGx + cᵀx  subject to  E·x = e (a few dense rows),  lower ≤ x ≤ upper:
 * the shape of every mean-variance problem with weight bounds.
 */
export interface BoundedQuadraticProgram {
  size: number;
  /** G, row-major n×n, symmetric positive definite. */
  hessian: Float64Array;
  /** Lower Cholesky factor of G, used while no bound is active. */
  choleskyLower: Float64Array;
  linear: Float64Array;
  equalities: readonly { normal: Float64Array; bound: number }[];
  lower: Float64Array;
  upper: Float64Array;
}

export interface BoundedQuadraticProgramSolution {
  x: Float64Array;
  /** ν with G·x + c = Eᵀν + μ, μ the bound multipliers (≥ 0 at a lower bound, ≤ 0 at an upper one). */
  equalityMultipliers: Float64Array;
  iterations: number;
}

const MAX_ITERATIONS = 100;
/** Stationarity and feasibility residuals (relative) a converged active set must meet, else undefined. */
const RESIDUAL_TOLERANCE = 1e-10;

/**
 * Primal–dual active set method for bound constraints (Hintermüller, Ito & Kunisch, SIAM J. Optim. 13,
 * 2002): guess which bounds bind, solve the equality-constrained problem on the free variables exactly,
 * and re-guess every bound at once from the new iterate and multipliers until the guess repeats. The first
 * guess (nothing binds) gives the unconstrained minimum through the given factor; from there a long-only
 * minimum variance over hundreds of assets settles in a handful of steps, where the dual active-set method
 * adds one bound per step. A repeated guess satisfies the KKT conditions exactly (the strictly convex
 * optimum); it is checked once more against rounding. Returns undefined when the method cycles, a reduced
 * system is singular (dependent equalities on the free set) or the check fails: the caller then falls back
 * to the dual active-set method, which handles every case.
 */
export function solveBoundedQuadraticProgram(
  problem: BoundedQuadraticProgram,
): BoundedQuadraticProgramSolution | undefined {
  const { size: n, lower, upper } = problem;
  // −1 at the lower bound, +1 at the upper bound, 0 free; a fixed variable (lower = upper) stays at its bound.
  const status = new Int8Array(n);
  for (let i = 0; i < n; i++) if (lower[i] === upper[i]) status[i] = -1;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const solved = solveOnFreeSet(problem, status);
    if (!solved) return undefined;
    const { x, nu, mu } = solved;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (lower[i] === upper[i]) continue;
      const next = mu[i]! - (x[i]! - lower[i]!) > 0 ? -1 : mu[i]! - (x[i]! - upper[i]!) < 0 ? 1 : 0;
      if (next !== status[i]) {
        status[i] = next;
        changed = true;
      }
    }
    if (!changed)
      return certified(problem, x, nu, mu, status) ? { x, equalityMultipliers: nu, iterations: iteration } : undefined;
  }
  return undefined;
}

interface FreeSetSolution {
  x: Float64Array;
  nu: Float64Array;
  mu: Float64Array;
}

/** x with the bound variables at their bounds and the free ones minimising subject to E·x = e; then ν and μ. */
function solveOnFreeSet(problem: BoundedQuadraticProgram, status: Int8Array): FreeSetSolution | undefined {
  const { size: n, hessian: g, linear, equalities, lower, upper } = problem;
  const m = equalities.length;
  const free: number[] = [];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (status[i] === 0) free.push(i);
    else x[i] = status[i] === -1 ? lower[i]! : upper[i]!;
  }
  const f = free.length;
  if (f < m) return undefined;
  // r = −c_F − G_FB·x_B and the factor of G_FF (the given one when every variable is free).
  const r = new Float64Array(f);
  for (let a = 0; a < f; a++) {
    const row = free[a]! * n;
    let sum = -linear[free[a]!]!;
    if (f < n) for (let j = 0; j < n; j++) if (status[j] !== 0) sum -= g[row + j]! * x[j]!;
    r[a] = sum;
  }
  let factor = problem.choleskyLower;
  if (f < n) {
    const gff = new Float64Array(f * f);
    for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) gff[a * f + b] = g[free[a]! * n + free[b]!]!;
    const factored = cholesky(gff, f);
    if (!factored.ok) return undefined;
    factor = factored.lower;
  }
  const x0 = choleskySolve(factor, f, r);
  // Y = G_FF⁻¹·E_Fᵀ, S = E_F·Y, ν = S⁻¹·(e − E_B·x_B − E_F·x0), x_F = x0 + Y·ν.
  const y = equalities.map(({ normal }) =>
    choleskySolve(
      factor,
      f,
      Float64Array.from(free, (i) => normal[i]!),
    ),
  );
  const s = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  equalities.forEach(({ normal, bound }, k) => {
    let fixed = 0;
    for (let i = 0; i < n; i++) if (status[i] !== 0) fixed += normal[i]! * x[i]!;
    let free0 = 0;
    for (let a = 0; a < f; a++) free0 += normal[free[a]!]! * x0[a]!;
    rhs[k] = bound - fixed - free0;
    for (let l = 0; l < m; l++) {
      let sum = 0;
      for (let a = 0; a < f; a++) sum += normal[free[a]!]! * y[l]![a]!;
      s[k * m + l] = sum;
    }
  });
  let nu: Float64Array = new Float64Array(0);
  if (m > 0) {
    const schur = cholesky(s, m);
    if (!schur.ok || schur.lower[(m - 1) * m + m - 1]! < 1e-7 * Math.sqrt(s[(m - 1) * m + m - 1]!)) return undefined;
    nu = choleskySolve(schur.lower, m, rhs);
  }
  for (let a = 0; a < f; a++) {
    let value = x0[a]!;
    for (let k = 0; k < m; k++) value += y[k]![a]! * nu[k]!;
    x[free[a]!] = value;
  }
  const mu = gradientMinusEqualities(problem, x, nu);
  for (const i of free) mu[i] = 0;
  return { x, nu, mu };
}

/** G·x + c − Eᵀν. */
function gradientMinusEqualities(problem: BoundedQuadraticProgram, x: Float64Array, nu: Float64Array): Float64Array {
  const { size: n, hessian: g, linear, equalities } = problem;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = linear[i]!;
    for (let j = 0; j < n; j++) sum += g[row + j]! * x[j]!;
    for (let k = 0; k < equalities.length; k++) sum -= equalities[k]!.normal[i]! * nu[k]!;
    out[i] = sum;
  }
  return out;
}

/** KKT conditions of the final iterate, recomputed from scratch: bounds, equalities, stationarity, signs. */
function certified(
  problem: BoundedQuadraticProgram,
  x: Float64Array,
  nu: Float64Array,
  mu: Float64Array,
  status: Int8Array,
): boolean {
  const { size: n, equalities, lower, upper } = problem;
  const residual = gradientMinusEqualities(problem, x, nu);
  // |G·x| ≤ |residual| + |c| + |Eᵀν|: the size against which the stationarity residual is rounding.
  let scale = 1;
  for (let i = 0; i < n; i++) {
    let size = Math.abs(residual[i]!) + Math.abs(problem.linear[i]!);
    for (let k = 0; k < equalities.length; k++) size += Math.abs(equalities[k]!.normal[i]! * nu[k]!);
    scale = Math.max(scale, size);
  }
  for (let i = 0; i < n; i++) {
    if (x[i]! < lower[i]! || x[i]! > upper[i]!) return false;
    if (status[i] === 0 && Math.abs(residual[i]!) > RESIDUAL_TOLERANCE * scale) return false;
    if (lower[i] !== upper[i] && status[i]! * mu[i]! > 0) return false; // μ ≥ 0 at lower, ≤ 0 at upper
  }
  return equalities.every(({ normal, bound }) => {
    let value = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      value += normal[i]! * x[i]!;
      size += Math.abs(normal[i]! * x[i]!);
    }
    return Math.abs(value - bound) <= RESIDUAL_TOLERANCE * (1 + size + Math.abs(bound));
  });
}

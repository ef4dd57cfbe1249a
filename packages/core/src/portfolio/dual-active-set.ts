import { ScrillaError } from "../errors.js";
import { choleskySolve } from "../linalg/cholesky.js";
import { givens } from "../linalg/givens.js";
import { inverseTransposeOfLower } from "../linalg/triangular-inverse.js";
import {
  constraintNorm,
  constraintValue,
  type LinearConstraint,
  type QuadraticProgram,
  type QuadraticProgramSolution,
} from "./quadratic-program.js";

/**
 * Normalised violation (relative to 1 + ‖x‖∞) below which a constraint counts as satisfied: a few hundred
 * ulps, so that a bound is activated as soon as it is crossed beyond rounding.
 */
const FEASIBILITY_TOLERANCE = 1e-14;
/**
 * A violated constraint that depends linearly on the active ones and is off by less than this (normalised)
 * is rounding at a degenerate vertex (e.g. a target equal to the highest attainable return), not a
 * contradiction: it is set aside until the active set changes.
 */
const DEGENERACY_TOLERANCE = 1e-9;
/** ‖d₂‖² / ‖d‖² below which a new normal is linearly dependent on the active ones. */
const DEPENDENCE_TOLERANCE = 1e-24;

/**
 * Goldfarb–Idnani dual active-set method (Math. Programming 27, 1983), the algorithm of R's quadprog,
 * over Float64Array. It starts at the unconstrained minimum and adds the most violated constraint one at
 * a time, dropping active ones whose multiplier would turn negative; every iterate is dual feasible, so
 * it terminates in finitely many steps with the exact optimum (up to rounding). The active set is held as
 * J = L⁻ᵀ·Q and the upper-triangular R of L⁻¹·N_active = Q·[R; 0], both updated by Givens rotations.
 *
 * Throws `INFEASIBLE` when the constraints admit no point and `NOT_CONVERGED` if the iteration budget
 * (far above the finite bound met in practice) runs out, e.g. through rounding-induced cycling.
 */
export function solveQuadraticProgram(problem: QuadraticProgram): QuadraticProgramSolution {
  return new DualActiveSetSolver(problem).solve();
}

class DualActiveSetSolver {
  private readonly n: number;
  private readonly constraints: LinearConstraint[];
  private readonly equalityCount: number;
  /** +1, or −1 for an equality whose orientation was flipped so that it is approached from below. */
  private readonly orientation: Float64Array;
  private readonly isActive: Uint8Array;
  private readonly setAside: Uint8Array;
  /** J stored by columns (column c at c·n … c·n + n − 1): rotations and z = J₂·d₂ then run on contiguous memory. */
  private readonly j: Float64Array;
  private readonly r: Float64Array;
  private readonly active: Int32Array;
  private readonly multipliers: Float64Array;
  private readonly x: Float64Array;
  private readonly d: Float64Array;
  private readonly z: Float64Array;
  private readonly rd: Float64Array;
  private q = 0;
  private iterations = 0;
  private readonly maxIterations: number;

  constructor(problem: QuadraticProgram) {
    const n = problem.size;
    this.n = n;
    this.constraints = [...problem.equalities, ...problem.inequalities];
    this.equalityCount = problem.equalities.length;
    const m = this.constraints.length;
    this.orientation = new Float64Array(m).fill(1);
    this.isActive = new Uint8Array(m);
    this.setAside = new Uint8Array(m);
    this.j = transpose(inverseTransposeOfLower(problem.choleskyLower, n), n);
    this.r = new Float64Array(n * n);
    this.active = new Int32Array(n);
    this.multipliers = new Float64Array(n);
    const negatedLinear = problem.linear.map((value) => -value);
    this.x = choleskySolve(problem.choleskyLower, n, negatedLinear);
    this.d = new Float64Array(n);
    this.z = new Float64Array(n);
    this.rd = new Float64Array(n);
    this.maxIterations = 50 * (n + m) + 100;
  }

  solve(): QuadraticProgramSolution {
    let nextEquality = 0;
    for (;;) {
      let p: number;
      if (nextEquality < this.equalityCount) {
        p = nextEquality++;
        if (this.rawSlack(p) > 0) this.orientation[p] = -1;
      } else {
        p = this.mostViolatedInequality();
        if (p < 0) break;
      }
      this.satisfy(p);
    }
    return this.solution();
  }

  /** Moves primal and dual iterates until constraint p is active (or found redundant). */
  private satisfy(p: number): void {
    let slack = this.slack(p);
    let pMultiplier = 0;
    for (;;) {
      this.countIteration();
      const { d2Squared, dSquared } = this.computeDirections(p);
      const { step: dualStep, blocking } = this.dualStepLimit();
      const dependent = dSquared === 0 || d2Squared <= DEPENDENCE_TOLERANCE * dSquared;
      const primalStep = dependent ? Number.POSITIVE_INFINITY : -slack / d2Squared;
      if (!Number.isFinite(dualStep) && !Number.isFinite(primalStep)) {
        const constraint = this.at(p);
        if (Math.abs(slack) <= DEGENERACY_TOLERANCE * constraintNorm(constraint) * (1 + Math.abs(constraint.bound))) {
          this.setAside[p] = 1;
          return;
        }
        throw new ScrillaError(
          "INFEASIBLE",
          "The constraints admit no solution (they contradict each other); relax the bounds or the target.",
          { constraint: p },
        );
      }
      const step = Math.min(dualStep, primalStep);
      for (let k = 0; k < this.q; k++) this.multipliers[k] = this.multipliers[k]! - step * this.rd[k]!;
      pMultiplier += step;
      if (Number.isFinite(primalStep)) {
        for (let i = 0; i < this.n; i++) this.x[i] = this.x[i]! + step * this.z[i]!;
      }
      if (primalStep <= dualStep) {
        this.addActive(p, pMultiplier);
        return;
      }
      this.dropActive(blocking);
      slack = this.slack(p);
    }
  }

  private countIteration(): void {
    if (++this.iterations > this.maxIterations) {
      throw new ScrillaError(
        "NOT_CONVERGED",
        `The quadratic programme did not converge within ${this.maxIterations} active-set steps; the covariance is probably near-singular — repair or shrink it.`,
        { iterations: this.iterations },
      );
    }
  }

  private at(p: number): LinearConstraint {
    return this.constraints[p]!;
  }

  private rawSlack(p: number): number {
    const constraint = this.at(p);
    return constraintValue(constraint, this.x) - constraint.bound;
  }

  private slack(p: number): number {
    return this.orientation[p]! * this.rawSlack(p);
  }

  private mostViolatedInequality(): number {
    let largest = 0;
    for (const value of this.x) largest = Math.max(largest, Math.abs(value));
    let worst = -FEASIBILITY_TOLERANCE * (1 + largest);
    let chosen = -1;
    for (let p = this.equalityCount; p < this.constraints.length; p++) {
      if (this.isActive[p] || this.setAside[p]) continue;
      const constraint = this.at(p);
      const normalised = this.rawSlack(p) / (constraintNorm(constraint) * (1 + Math.abs(constraint.bound)));
      if (normalised < worst) {
        worst = normalised;
        chosen = p;
      }
    }
    return chosen;
  }

  /** d = Jᵀ·n_p, z = J₂·d₂ (primal direction), rd = R⁻¹·d₁ (change of active multipliers). */
  private computeDirections(p: number): { d2Squared: number; dSquared: number } {
    const { n, j, d, z, rd, r, q } = this;
    const constraint = this.at(p);
    const sign = this.orientation[p]!;
    if (constraint.kind === "unit") {
      const index = constraint.index;
      const scale = sign * constraint.coefficient;
      for (let c = 0; c < n; c++) d[c] = scale * j[c * n + index]!;
    } else {
      const normal = constraint.normal;
      for (let c = 0; c < n; c++) {
        const column = c * n;
        let sum = 0;
        for (let i = 0; i < n; i++) sum += j[column + i]! * normal[i]!;
        d[c] = sign * sum;
      }
    }
    let d2Squared = 0;
    let dSquared = 0;
    for (let c = 0; c < n; c++) {
      const value = d[c]! * d[c]!;
      dSquared += value;
      if (c >= q) d2Squared += value;
    }
    z.fill(0);
    for (let c = q; c < n; c++) {
      const weight = d[c]!;
      if (weight === 0) continue;
      const column = c * n;
      for (let i = 0; i < n; i++) z[i] = z[i]! + weight * j[column + i]!;
    }
    for (let i = q - 1; i >= 0; i--) {
      let sum = d[i]!;
      for (let k = i + 1; k < q; k++) sum -= r[i * n + k]! * rd[k]!;
      rd[i] = sum / r[i * n + i]!;
    }
    return { d2Squared, dSquared };
  }

  /** Largest dual step keeping active inequality multipliers ≥ 0, and the one that blocks it. */
  private dualStepLimit(): { step: number; blocking: number } {
    let step = Number.POSITIVE_INFINITY;
    let blocking = -1;
    for (let k = 0; k < this.q; k++) {
      if (this.active[k]! < this.equalityCount) continue;
      const change = this.rd[k]!;
      if (change <= 0) continue;
      const ratio = this.multipliers[k]! / change;
      if (ratio < step) {
        step = ratio;
        blocking = k;
      }
    }
    return { step, blocking };
  }

  /** Rotates columns q..n−1 of J so that d = Jᵀn has zeros below position q, then appends d₁..q to R. */
  private addActive(p: number, multiplier: number): void {
    const { n, j, d, r, q } = this;
    for (let c = n - 1; c > q; c--) {
      const a = d[c - 1]!;
      const b = d[c]!;
      if (b === 0) continue;
      const { cos, sin, radius } = givens(a, b);
      d[c - 1] = radius;
      d[c] = 0;
      rotateColumns(j, n, c - 1, cos, sin);
    }
    for (let i = 0; i <= q; i++) r[i * n + q] = d[i]!;
    this.active[q] = p;
    this.multipliers[q] = multiplier;
    this.isActive[p] = 1;
    this.q = q + 1;
  }

  /** Removes active constraint at position l, restoring R to triangular form with Givens rotations. */
  private dropActive(l: number): void {
    const { n, j, r } = this;
    const q = this.q;
    this.isActive[this.active[l]!] = 0;
    this.setAside.fill(0, this.equalityCount);
    for (let c = l + 1; c < q; c++) {
      for (let i = 0; i <= c; i++) r[i * n + c - 1] = r[i * n + c]!;
      this.active[c - 1] = this.active[c]!;
      this.multipliers[c - 1] = this.multipliers[c]!;
    }
    for (let i = 0; i < n; i++) r[i * n + q - 1] = 0;
    for (let c = l; c < q - 1; c++) {
      const a = r[c * n + c]!;
      const b = r[(c + 1) * n + c]!;
      if (b === 0) continue;
      const { cos, sin, radius } = givens(a, b);
      r[c * n + c] = radius;
      r[(c + 1) * n + c] = 0;
      for (let k = c + 1; k < q - 1; k++) {
        const upper = r[c * n + k]!;
        const lower = r[(c + 1) * n + k]!;
        r[c * n + k] = cos * upper + sin * lower;
        r[(c + 1) * n + k] = -sin * upper + cos * lower;
      }
      rotateColumns(j, n, c, cos, sin);
    }
    this.q = q - 1;
  }

  private solution(): QuadraticProgramSolution {
    const equalityMultipliers = new Float64Array(this.equalityCount);
    const inequalityMultipliers = new Float64Array(this.constraints.length - this.equalityCount);
    for (let k = 0; k < this.q; k++) {
      const p = this.active[k]!;
      const value = this.orientation[p]! * this.multipliers[k]!;
      if (p < this.equalityCount) equalityMultipliers[p] = value;
      else inequalityMultipliers[p - this.equalityCount] = value;
    }
    return { x: this.x, equalityMultipliers, inequalityMultipliers, iterations: this.iterations };
  }
}

/** Columns (first, first + 1) of a column-stored n×n matrix ← (cos·left + sin·right, −sin·left + cos·right). */
function rotateColumns(columns: Float64Array, n: number, first: number, cos: number, sin: number): void {
  const left = first * n;
  const right = left + n;
  for (let i = 0; i < n; i++) {
    const a = columns[left + i]!;
    const b = columns[right + i]!;
    columns[left + i] = cos * a + sin * b;
    columns[right + i] = -sin * a + cos * b;
  }
}

function transpose(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) out[k * n + i] = a[i * n + k]!;
  return out;
}

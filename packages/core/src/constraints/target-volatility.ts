import { invalidInput, ScrillaError } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import { solveQuadraticProgram } from "../portfolio/dual-active-set.js";
import { type OptimisedPortfolio, optimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { constraintValue, type LinearConstraint } from "../portfolio/quadratic-program.js";
import { meanVarianceProgram, solveConstrainedMeanVariance } from "./constrained-quadratic.js";
import { type PortfolioConstraintsInput, portfolioConstraints } from "./portfolio-constraints.js";

export interface TargetVolatilityOptions {
  /** Annual volatility budget σ* (decimal, e.g. 0.15). */
  targetVolatility: number;
  constraints?: PortfolioConstraintsInput;
  riskFreeRate?: number;
}

type Status = "inactive" | "weak" | "strong";

const ACTIVE = 1e-9;
const RATE = 1e-10;
const RESTART = 1e-12;
const MAX_RESTARTS = 20;

/**
 * The portfolio of highest return whose volatility does not exceed σ* (PyPortfolioOpt's efficient_risk),
 * exactly. Along the efficient frontier w*(R) is piecewise affine in the target return R (each piece has a
 * fixed active set), so σ²(R) is piecewise quadratic. Starting at the minimum-variance portfolio, the walk
 * follows the pieces (parametric active-set method, Best 1996): on each, the direction d = ∂w/∂R solves
 *   min ½dᵀΣd  s.t.  the equalities' normals·d = 0,  μᵀd = 1,  strongly active aₖᵀd = 0,  weakly active aₖᵀd ≥ 0,
 * the piece ends where an inactive constraint is reached or an active multiplier reaches 0, and σ*² is
 * looked for as the root of the piece's quadratic. The answer is finally re-solved as the exact QP at the
 * return found. If even the maximum return stays within σ*, that portfolio is returned.
 */
export function targetVolatility(model: PortfolioModel, options: TargetVolatilityOptions): OptimisedPortfolio {
  const target = options.targetVolatility;
  if (!(target > 0) || !Number.isFinite(target)) {
    throw invalidInput(`targetVolatility must be a positive annual volatility (e.g. 0.15), got ${target}.`);
  }
  const constraints = portfolioConstraints(model.size, options.constraints);
  if (constraints.leverage !== undefined || constraints.turnover) {
    throw invalidInput(
      "targetVolatility supports bounds, budget, group and linear constraints, not leverage or turnover caps.",
    );
  }
  const start = solveConstrainedMeanVariance(model, constraints, { varianceScale: 1, returnScale: 0, gamma: 0 });
  const finish = (weights: Float64Array, iterations: number) =>
    optimisedPortfolio(model, weights, constraints, iterations, options.riskFreeRate);
  const minimum = Math.sqrt(quadratic(model, start.weights, start.weights));
  if (minimum > target * (1 + 1e-12)) {
    throw new ScrillaError(
      "INFEASIBLE",
      `No portfolio within the constraints is as calm as ${target}: the least attainable volatility is ${minimum}; raise the target.`,
      { targetVolatility: target, minimumVolatility: minimum },
    );
  }
  const { problem } = meanVarianceProgram(model, constraints, { varianceScale: 1, returnScale: 0, gamma: 0 });
  let point = { weights: start.weights, multipliers: start.solution.inequalityMultipliers };
  let iterations = start.iterations;
  for (let restart = 0; ; restart++) {
    const walk = walkFrontier(
      model,
      problem.equalities,
      problem.inequalities,
      point.weights,
      point.multipliers,
      target,
    );
    iterations += walk.steps;
    if (walk.returnTarget === undefined) return finish(walk.weights, iterations);
    const polished = solveConstrainedMeanVariance(model, constraints, {
      varianceScale: 1,
      returnScale: 0,
      gamma: 0,
      targetReturn: walk.returnTarget,
    });
    iterations += polished.iterations;
    const sigma = Math.sqrt(quadratic(model, polished.weights, polished.weights));
    // At a degenerate vertex the tracked active set can drift from the exact one; the exact QP then shows
    // σ still below σ*, and the walk resumes from that exact point (each restart only moves up the frontier).
    if (sigma >= target * (1 - RESTART) || restart >= MAX_RESTARTS) return finish(polished.weights, iterations);
    point = { weights: polished.weights, multipliers: polished.solution.inequalityMultipliers };
  }
}

function walkFrontier(
  model: PortfolioModel,
  equalities: readonly LinearConstraint[],
  inequalities: readonly LinearConstraint[],
  startWeights: Float64Array,
  startMultipliers: Float64Array,
  target: number,
): { weights: Float64Array; returnTarget: number | undefined; steps: number } {
  const n = model.size;
  const m = inequalities.length;
  const w = Float64Array.from(startWeights);
  let R = dotArray(model.annualReturns, w);
  const lambda = Float64Array.from(startMultipliers);
  const slack = new Float64Array(m);
  const status: Status[] = [];
  // Multipliers of the minimum-variance problem are in units of variance.
  let largestVariance = 0;
  for (let i = 0; i < n; i++) largestVariance = Math.max(largestVariance, model.covariance[i * n + i]!);
  for (let k = 0; k < m; k++) {
    const constraint = inequalities[k]!;
    slack[k] = constraintValue(constraint, w) - constraint.bound;
    status.push(
      lambda[k]! > ACTIVE * largestVariance
        ? "strong"
        : Math.abs(slack[k]!) <= ACTIVE * (1 + Math.abs(constraint.bound))
          ? "weak"
          : "inactive",
    );
  }
  const maxSteps = 10 * (n + m) + 10;
  for (let step = 0; step < maxSteps; step++) {
    let direction = frontierDirection(model, equalities, inequalities, status);
    while (!direction && status.includes("strong")) {
      // Degenerate vertex (more active normals than free weights): the split of the multipliers is not
      // unique, so the strongly active constraint with the smallest multiplier may in fact leave. Let it.
      let weakest = -1;
      for (let k = 0; k < m; k++) {
        if (status[k] === "strong" && (weakest < 0 || lambda[k]! < lambda[weakest]!)) weakest = k;
      }
      status[weakest] = "weak";
      direction = frontierDirection(model, equalities, inequalities, status);
    }
    if (!direction) return { weights: w, returnTarget: undefined, steps: step };
    const { d, multiplierRates } = direction;
    const normalRates = inequalities.map((constraint) => constraintValue(constraint, d));
    let limit = Number.POSITIVE_INFINITY;
    let blocking = -1;
    for (let k = 0; k < m; k++) {
      let ratio = Number.POSITIVE_INFINITY;
      if (status[k] === "inactive" && normalRates[k]! < 0) ratio = Math.max(slack[k]!, 0) / -normalRates[k]!;
      else if (status[k] !== "inactive" && multiplierRates[k]! < 0)
        ratio = Math.max(lambda[k]!, 0) / -multiplierRates[k]!;
      if (ratio < limit) {
        limit = ratio;
        blocking = k;
      }
    }
    let directionScale = 0;
    for (const value of d) directionScale = Math.max(directionScale, Math.abs(value));
    let multiplierScale = 0;
    for (const value of multiplierRates) multiplierScale = Math.max(multiplierScale, Math.abs(value));
    const a = quadratic(model, d, d);
    const b = quadratic(model, w, d);
    const c = quadratic(model, w, w) - target * target;
    const root = (-b + Math.sqrt(Math.max(b * b - a * c, 0))) / a;
    if (root <= limit) return { weights: w, returnTarget: R + root, steps: step + 1 };
    for (let i = 0; i < n; i++) w[i] = w[i]! + limit * d[i]!;
    R += limit;
    for (let k = 0; k < m; k++) {
      slack[k] = slack[k]! + limit * normalRates[k]!;
      if (status[k] !== "inactive") lambda[k] = lambda[k]! + limit * multiplierRates[k]!;
      if (status[k] === "weak") {
        // Rates within rounding of 0 leave a weakly active constraint where it is (no zero-length cycling).
        if (normalRates[k]! > RATE * directionScale) status[k] = "inactive";
        else if (multiplierRates[k]! > RATE * multiplierScale) status[k] = "strong";
      }
    }
    status[blocking] = "weak";
    slack[blocking] = 0;
    lambda[blocking] = 0;
  }
  throw new ScrillaError("NOT_CONVERGED", "The frontier walk did not end; the covariance is probably near-singular.");
}

/**
 * d = ∂w/∂R on the current piece and the rates of the inequality multipliers, or undefined when the return
 * cannot rise further (the maximum-return end of the frontier). Variables held at a bound by a strongly
 * active constraint do not move and are eliminated, so each step costs O(f³) in the f free weights.
 */
function frontierDirection(
  model: PortfolioModel,
  equalities: readonly LinearConstraint[],
  inequalities: readonly LinearConstraint[],
  status: readonly Status[],
): { d: Float64Array; multiplierRates: Float64Array } | undefined {
  const n = model.size;
  const fixed = new Uint8Array(n);
  inequalities.forEach((constraint, k) => {
    if (constraint.kind === "unit" && status[k] === "strong") fixed[constraint.index] = 1;
  });
  const free: number[] = [];
  const position = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!fixed[i]) {
      position[i] = free.length;
      free.push(i);
    }
  }
  const f = free.length;
  if (f === 0) return undefined;
  const restrict = (normal: Float64Array) => Float64Array.from(free, (i) => normal[i]!);
  const reducedEqualities: LinearConstraint[] = [
    ...equalities.map((constraint) => ({
      kind: "dense" as const,
      normal: restrict(denseNormal(constraint, n)),
      bound: 0,
    })),
    { kind: "dense", normal: restrict(model.annualReturns), bound: 1 },
  ];
  const reducedInequalities: LinearConstraint[] = [];
  const origin: number[] = [];
  inequalities.forEach((constraint, k) => {
    if (status[k] === "inactive" || (constraint.kind === "unit" && status[k] === "strong")) return;
    const reduced: LinearConstraint =
      constraint.kind === "unit"
        ? { kind: "unit", index: position[constraint.index]!, coefficient: constraint.coefficient, bound: 0 }
        : { kind: "dense", normal: restrict(constraint.normal), bound: 0 };
    if (status[k] === "strong") {
      reducedEqualities.push(reduced);
      origin.push(-(k + 1));
    } else {
      reducedInequalities.push(reduced);
      origin.push(k);
    }
  });
  const sigma = model.covariance;
  const reducedSigma = new Float64Array(f * f);
  for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) reducedSigma[a * f + b] = sigma[free[a]! * n + free[b]!]!;
  const factor = cholesky(reducedSigma, f);
  if (!factor.ok) throw new ScrillaError("NOT_CONVERGED", "The covariance is singular on the free assets.");
  let solution: ReturnType<typeof solveQuadraticProgram>;
  try {
    solution = solveQuadraticProgram({
      size: f,
      choleskyLower: factor.lower,
      linear: new Float64Array(f),
      equalities: reducedEqualities,
      inequalities: reducedInequalities,
    });
  } catch (error) {
    if (error instanceof ScrillaError && error.code === "INFEASIBLE") return undefined;
    throw error;
  }
  const d = new Float64Array(n);
  free.forEach((i, a) => {
    d[i] = solution.x[a]!;
  });
  // Σd = Σ (equality rates)·normals + Σ (inequality rates)·aₖ; rates of the eliminated bounds follow from it.
  const multiplierRates = new Float64Array(inequalities.length);
  const residual = Float64Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += sigma[i * n + j]! * d[j]!;
    return sum;
  });
  const subtract = (normal: Float64Array, rate: number) => {
    for (let i = 0; i < n; i++) residual[i] = residual[i]! - rate * normal[i]!;
  };
  equalities.forEach((constraint, e) => {
    subtract(denseNormal(constraint, n), solution.equalityMultipliers[e]!);
  });
  subtract(model.annualReturns, solution.equalityMultipliers[equalities.length]!);
  let strongSeen = 0;
  let weakSeen = 0;
  for (const k of origin) {
    const index = k < 0 ? -k - 1 : k;
    const rate =
      k < 0
        ? solution.equalityMultipliers[equalities.length + 1 + strongSeen++]!
        : solution.inequalityMultipliers[weakSeen++]!;
    multiplierRates[index] = rate;
    subtract(denseNormal(inequalities[index]!, n), rate);
  }
  inequalities.forEach((constraint, k) => {
    if (constraint.kind === "unit" && status[k] === "strong") {
      multiplierRates[k] = residual[constraint.index]! / constraint.coefficient;
    }
  });
  return { d, multiplierRates };
}

function denseNormal(constraint: LinearConstraint, n: number): Float64Array {
  if (constraint.kind === "dense") return constraint.normal;
  const normal = new Float64Array(n);
  normal[constraint.index] = constraint.coefficient;
  return normal;
}

function quadratic(model: PortfolioModel, x: Float64Array, y: Float64Array): number {
  const n = model.size;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = i * n;
    let inner = 0;
    for (let j = 0; j < n; j++) inner += model.covariance[row + j]! * y[j]!;
    sum += xi * inner;
  }
  return sum;
}

function dotArray(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

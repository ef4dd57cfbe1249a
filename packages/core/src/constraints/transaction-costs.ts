import { invalidInput, ScrillaError } from "../errors.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import type { LinearConstraint } from "../portfolio/quadratic-program.js";
import {
  type ConstrainedSolution,
  type MeanVarianceObjective,
  solveConstrainedMeanVariance,
} from "./constrained-quadratic.js";
import type { PortfolioConstraints } from "./portfolio-constraints.js";

/** Proportional trading costs against the weights held now: Σ cᵢ·|wᵢ − w⁰ᵢ| is charged in the objective. */
export interface TransactionCostsInput {
  /** Weights held now, in asset order (w⁰). */
  current: ArrayLike<number>;
  /** Cost per unit of weight traded (0.001 = 10 bp): one rate for every asset or one per asset. */
  rates: number | ArrayLike<number>;
}

export interface TransactionCosts {
  current: Float64Array;
  rates: Float64Array;
}

export function transactionCosts(n: number, input: TransactionCostsInput): TransactionCosts {
  const current = Float64Array.from(input.current);
  if (current.length !== n || current.some((v) => !Number.isFinite(v))) {
    throw invalidInput(`Transaction costs need the current weights: one finite value per asset (${n}).`);
  }
  const rates =
    typeof input.rates === "number" ? new Float64Array(n).fill(input.rates) : Float64Array.from(input.rates);
  if (rates.length !== n || rates.some((v) => !(v >= 0) || !Number.isFinite(v))) {
    throw invalidInput(`Cost rates must be finite and ≥ 0 (e.g. 0.001 for 10 bp), one for all or one per asset.`);
  }
  return { current, rates };
}

/** Σ cᵢ·|wᵢ − w⁰ᵢ|: the cost of trading from the current weights to `weights`. */
export function transactionCost(costs: TransactionCostsInput, weights: ArrayLike<number>): number {
  const { current, rates } = transactionCosts(weights.length, costs);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += rates[i]! * Math.abs(weights[i]! - current[i]!);
  return total;
}

/** Slack on the optimality test of a kink multiplier (0 ≤ μ ≤ jump), far above rounding of the QP. */
const MULTIPLIER_TOLERANCE = 1e-11;

/**
 * min q(w) + Σ cᵢ|wᵢ − w⁰ᵢ| over the constraints, q the strictly convex mean-variance objective; exact.
 *
 * Each weight has kinks: w⁰ᵢ (the cost, and the turnover cap Σ|wᵢ − w⁰ᵢ| ≤ τ) and 0 (the leverage cap
 * Σ|wᵢ| ≤ L). Between kinks everything is linear: on a piece (one interval per weight) the cost is a linear
 * term and both caps are single exact rows, so the piece's optimum is one dual active-set QP in w alone (the
 * usual split w − w⁰ = u − v, u, v ≥ 0 has the same optimum but a singular Hessian in (u, v)). The piece
 * optimum is the true one iff the multiplier μ of every kink constraint wᵢ ≥ p (or ≤ p) lies in [0, J], J the
 * jump of the slope there: 2cᵢ + 2ν_τ at w⁰ᵢ, + 2ν_L at 0, ν the caps' multipliers. Then the kink's
 * subgradient completes the KKT conditions of the original problem. A larger μ means crossing the kink lowers
 * the objective: the weight moves to the neighbouring interval and the piece is re-solved. Away from
 * degenerate points the objective falls at every move, so no piece repeats. At a degenerate point (no trade,
 * or a binding cap, where the multipliers are not unique) a move can lead to a piece with the same optimum;
 * visited pieces are tracked, and when every crossing leads back to one, the walk stops at that shared point
 * (the tests certify KKT of the exact split there).
 */
export function solveWithTransactionCosts(
  model: PortfolioModel,
  constraints: PortfolioConstraints,
  objective: MeanVarianceObjective,
  costs: TransactionCosts,
): ConstrainedSolution {
  const n = model.size;
  const { current, rates } = costs;
  const { turnover, leverage } = constraints;
  if (turnover?.current.some((v, i) => v !== current[i])) {
    throw invalidInput("The turnover cap and the transaction costs must use the same current weights.");
  }
  const free = solveConstrainedMeanVariance(model, constraints, objective);
  // Kinks of each weight, ascending; the caps become exact rows of each piece instead of cutting planes.
  const kinks: number[][] = [];
  const interval = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const points = new Set<number>();
    if (rates[i]! > 0 || turnover) points.add(current[i]!);
    if (leverage !== undefined) points.add(0);
    kinks.push([...points].sort((a, b) => a - b));
    interval[i] = kinks[i]!.filter((p) => free.weights[i]! >= p).length;
  }
  const plain: PortfolioConstraints = { ...constraints, turnover: undefined, leverage: undefined };
  const seen = new Set<string>();
  let iterations = free.iterations;
  for (let round = 0; round < 10 * n + 50; round++) {
    seen.add(interval.join(","));
    const piece = pieceProgram(constraints, costs, kinks, interval);
    const solved = solveConstrainedMeanVariance(model, plain, {
      ...objective,
      linearShift: piece.slopes,
      extraInequalities: piece.extras,
    });
    iterations += solved.iterations;
    const multipliers = solved.solution.inequalityMultipliers;
    const nuTurnover = piece.turnoverRow >= 0 ? multipliers[solved.extraStart + piece.turnoverRow]! : 0;
    const nuLeverage = piece.leverageRow >= 0 ? multipliers[solved.extraStart + piece.leverageRow]! : 0;
    const moves = piece.kinkRows.map(({ asset, point, direction }, k) => {
      let jump = 0;
      if (point === current[asset]) jump += 2 * (rates[asset]! + (turnover ? nuTurnover : 0));
      if (point === 0 && leverage !== undefined) jump += 2 * nuLeverage;
      const excess = multipliers[solved.extraStart + piece.firstKinkRow + k]! - jump;
      return { asset, direction, excess: excess - MULTIPLIER_TOLERANCE * (1 + jump) };
    });
    const crossing = moves.filter((move) => move.excess > 0);
    if (crossing.length === 0) return { ...solved, iterations };
    const apply = (list: typeof crossing, sign: 1 | -1) => {
      for (const move of list) interval[move.asset] = interval[move.asset]! + sign * move.direction;
    };
    apply(crossing, 1);
    if (seen.has(interval.join(","))) {
      // Crossing every kink at once came back to a visited piece: cross one kink instead, the worst first.
      apply(crossing, -1);
      const next = [...crossing]
        .sort((a, b) => b.excess - a.excess)
        .find((move) => {
          apply([move], 1);
          const fresh = !seen.has(interval.join(","));
          if (!fresh) apply([move], -1);
          return fresh;
        });
      // Every piece a crossing leads to was solved already: the walk sits at a degenerate point those pieces
      // share (e.g. no trade at all: every kink row active with the budget, so the multipliers are not unique
      // and one choice of them looks like an improving move). Each crossing was taken and came back here.
      if (next === undefined) return { ...solved, iterations };
    }
  }
  throw new ScrillaError(
    "NOT_CONVERGED",
    "The transaction-cost optimiser kept revisiting trade directions; the covariance is probably near-singular — repair or shrink it.",
  );
}

interface Piece {
  slopes: Float64Array;
  extras: { constraint: LinearConstraint; name: string }[];
  turnoverRow: number;
  leverageRow: number;
  firstKinkRow: number;
  /** Kink constraints in row order: crossing moves the weight's interval by `direction`. */
  kinkRows: { asset: number; point: number; direction: 1 | -1 }[];
}

/** The linear cost slopes, the caps as exact rows and the interval ends of one piece. */
function pieceProgram(
  constraints: PortfolioConstraints,
  costs: TransactionCosts,
  kinks: readonly number[][],
  interval: Int32Array,
): Piece {
  const n = constraints.size;
  const { current, rates } = costs;
  const slopes = new Float64Array(n);
  const tradeSigns = new Float64Array(n);
  const exposureSigns = new Float64Array(n);
  const extras: Piece["extras"] = [];
  const kinkRows: Piece["kinkRows"] = [];
  const kinkExtras: Piece["extras"] = [];
  for (let i = 0; i < n; i++) {
    const points = kinks[i]!;
    const j = interval[i]!;
    const below = j > 0 ? points[j - 1]! : Number.NEGATIVE_INFINITY;
    const above = j < points.length ? points[j]! : Number.POSITIVE_INFINITY;
    // Any interior point tells the side of each kink the interval is on.
    const inside = Number.isFinite(below) ? (Number.isFinite(above) ? (below + above) / 2 : below + 1) : above - 1;
    tradeSigns[i] = inside >= current[i]! ? 1 : -1;
    exposureSigns[i] = inside >= 0 ? 1 : -1;
    slopes[i] = rates[i]! * tradeSigns[i]!;
    // An interval end the bounds already impose needs no row (and is never crossed).
    if (below > constraints.lower[i]!) {
      kinkExtras.push({
        constraint: { kind: "unit", index: i, coefficient: 1, bound: below },
        name: `trade kink (asset ${i})`,
      });
      kinkRows.push({ asset: i, point: below, direction: -1 });
    }
    if (above < constraints.upper[i]!) {
      kinkExtras.push({
        constraint: { kind: "unit", index: i, coefficient: -1, bound: -above },
        name: `trade kink (asset ${i})`,
      });
      kinkRows.push({ asset: i, point: above, direction: 1 });
    }
  }
  let turnoverRow = -1;
  if (constraints.turnover) {
    let shift = 0;
    for (let i = 0; i < n; i++) shift += tradeSigns[i]! * current[i]!;
    turnoverRow = extras.length;
    const normal = tradeSigns.map((s) => -s);
    extras.push({
      constraint: { kind: "dense", normal, bound: -(constraints.turnover.max + shift) },
      name: "turnover",
    });
  }
  let leverageRow = -1;
  if (constraints.leverage !== undefined) {
    leverageRow = extras.length;
    const normal = exposureSigns.map((s) => -s);
    extras.push({ constraint: { kind: "dense", normal, bound: -constraints.leverage }, name: "leverage" });
  }
  return {
    slopes,
    extras: [...extras, ...kinkExtras],
    turnoverRow,
    leverageRow,
    firstKinkRow: extras.length,
    kinkRows,
  };
}

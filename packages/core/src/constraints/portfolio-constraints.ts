import { invalidInput, ScrillaError } from "../errors.js";

/** Caps and floors on the total weight of a group (sector, region, …). */
export interface GroupLimit {
  min?: number;
  max?: number;
}

/** One linear constraint Σ coefficientsᵢ·wᵢ ≤ bound (or = bound for an equality). */
export interface LinearWeightConstraint {
  coefficients: ArrayLike<number>;
  bound: number;
  /** Shown in INFEASIBLE messages. */
  name?: string;
}

/**
 * Constraints on the weights of a portfolio, in asset order, shared by every constrained optimiser.
 * Defaults: 0 ≤ wᵢ ≤ 1 and Σw = 1 (long-only, fully invested).
 */
export interface PortfolioConstraintsInput {
  /** Per-asset bounds; a negative lower bound allows short selling. A number applies to every asset. */
  bounds?: { lower?: number | ArrayLike<number>; upper?: number | ArrayLike<number> };
  /** Σw: 1 fully invested (default), 0 market neutral. */
  budget?: number;
  /** Σ|wᵢ| ≤ leverage (gross exposure cap). */
  leverage?: number;
  /** Group of each asset (asset order; undefined = no group) and limits per group name. */
  groups?: { membership: ArrayLike<string | undefined>; limits: Readonly<Record<string, GroupLimit>> };
  /** General linear constraints A·w ≤ b and C·w = d. */
  inequalities?: readonly LinearWeightConstraint[];
  equalities?: readonly LinearWeightConstraint[];
  /** L1 turnover cap against current weights: Σ|wᵢ − currentᵢ| ≤ max. */
  turnover?: { current: ArrayLike<number>; max: number };
}

/** A dense named row: normal·w ≤ bound ("le") or = bound ("eq"). */
export interface NamedRow {
  name: string;
  normal: Float64Array;
  bound: number;
  sense: "le" | "eq";
}

/** Validated constraints: bounds, budget and named rows; leverage and turnover kept as L1 caps. */
export interface PortfolioConstraints {
  size: number;
  lower: Float64Array;
  upper: Float64Array;
  budget: number;
  rows: NamedRow[];
  leverage: number | undefined;
  turnover: { current: Float64Array; max: number } | undefined;
  /** True when only 0 ≤ lower, upper ≤ 1 and Σw = 1 apply (the classic long-only case). */
  longOnlyBox: boolean;
}

const TOLERANCE = 1e-12;

/** Validates the input and checks what can be checked without solving, naming the conflict. */
export function portfolioConstraints(n: number, input: PortfolioConstraintsInput = {}): PortfolioConstraints {
  const lower = expand(input.bounds?.lower ?? 0, n, "lower");
  const upper = expand(input.bounds?.upper ?? 1, n, "upper");
  for (let i = 0; i < n; i++) {
    if (!(lower[i]! <= upper[i]!) || Number.isNaN(lower[i]!) || Number.isNaN(upper[i]!)) {
      throw invalidInput(`Asset ${i}: the lower bound ${lower[i]} exceeds the upper bound ${upper[i]}.`, { asset: i });
    }
  }
  const budget = input.budget ?? 1;
  if (!Number.isFinite(budget))
    throw invalidInput(`budget must be a finite number (1 fully invested, 0 market neutral).`);
  const lowerSum = sum(lower);
  const upperSum = sum(upper);
  if (lowerSum > budget + TOLERANCE || upperSum < budget - TOLERANCE) {
    throw new ScrillaError(
      "INFEASIBLE",
      `The per-asset bounds cannot meet the budget Σw = ${budget}: lower bounds sum to ${lowerSum} and upper bounds to ${upperSum}.`,
      { constraint: "budget", lowerSum, upperSum },
    );
  }
  const rows: NamedRow[] = [];
  if (input.groups) rows.push(...groupRows(n, input.groups, lower, upper));
  input.inequalities?.forEach((c, k) => {
    rows.push({
      name: c.name ?? `inequality ${k}`,
      normal: coefficients(c, n, k),
      bound: finite(c.bound),
      sense: "le",
    });
  });
  input.equalities?.forEach((c, k) => {
    rows.push({ name: c.name ?? `equality ${k}`, normal: coefficients(c, n, k), bound: finite(c.bound), sense: "eq" });
  });
  const leverage = input.leverage;
  if (leverage !== undefined) {
    if (!(leverage > 0) || !Number.isFinite(leverage))
      throw invalidInput(`leverage must be a positive number, e.g. 1.5.`);
    if (Math.abs(budget) > leverage + TOLERANCE) {
      throw new ScrillaError("INFEASIBLE", `The leverage cap ${leverage} is below |budget| = ${Math.abs(budget)}.`, {
        constraint: "leverage",
      });
    }
  }
  let turnover: PortfolioConstraints["turnover"];
  if (input.turnover) {
    const current = Float64Array.from(input.turnover.current);
    if (current.length !== n || current.some((v) => !Number.isFinite(v))) {
      throw invalidInput(`Current weights need one finite value per asset (${n}).`);
    }
    if (!(input.turnover.max >= 0)) throw invalidInput(`The turnover cap must be ≥ 0, e.g. 0.2 for 20 %.`);
    turnover = { current, max: input.turnover.max };
  }
  const longOnlyBox =
    budget === 1 &&
    rows.length === 0 &&
    leverage === undefined &&
    turnover === undefined &&
    lower.every((v) => v >= 0) &&
    upper.every((v) => v <= 1);
  return { size: n, lower, upper, budget, rows, leverage, turnover, longOnlyBox };
}

function groupRows(
  n: number,
  groups: NonNullable<PortfolioConstraintsInput["groups"]>,
  lower: Float64Array,
  upper: Float64Array,
): NamedRow[] {
  if (groups.membership.length !== n) {
    throw invalidInput(`Group membership needs one entry per asset (${n}), got ${groups.membership.length}.`);
  }
  const rows: NamedRow[] = [];
  for (const [group, limit] of Object.entries(groups.limits)) {
    const normal = new Float64Array(n);
    let members = 0;
    for (let i = 0; i < n; i++) {
      if (groups.membership[i] === group) {
        normal[i] = 1;
        members++;
      }
    }
    if (members === 0)
      throw invalidInput(`Group "${group}" has limits but no asset belongs to it; check the group map.`);
    const floor = dot(normal, lower);
    const ceiling = dot(normal, upper);
    const { min, max } = limit;
    const conflict = (why: string) =>
      new ScrillaError("INFEASIBLE", `Group "${group}" cannot be satisfied: ${why}.`, {
        constraint: `group ${group}`,
        group,
      });
    if (min !== undefined && max !== undefined && min > max + TOLERANCE)
      throw conflict(`its floor ${min} exceeds its cap ${max}`);
    if (max !== undefined && max < floor - TOLERANCE) {
      throw conflict(`its cap ${max} is below the sum ${floor} of its members' lower bounds`);
    }
    if (min !== undefined && min > ceiling + TOLERANCE) {
      throw conflict(`its floor ${min} is above the sum ${ceiling} of its members' upper bounds`);
    }
    if (max !== undefined) rows.push({ name: `group ${group} cap`, normal, bound: finite(max), sense: "le" });
    if (min !== undefined) {
      rows.push({ name: `group ${group} floor`, normal: normal.map((v) => -v), bound: -finite(min), sense: "le" });
    }
  }
  return rows;
}

function coefficients(constraint: LinearWeightConstraint, n: number, k: number): Float64Array {
  const normal = Float64Array.from(constraint.coefficients);
  if (normal.length !== n || normal.some((v) => !Number.isFinite(v))) {
    throw invalidInput(`Linear constraint ${k} needs ${n} finite coefficients, one per asset.`);
  }
  return normal;
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw invalidInput(`Constraint bounds must be finite numbers, got ${value}.`);
  return value;
}

function expand(value: number | ArrayLike<number>, n: number, name: string): Float64Array {
  if (typeof value === "number") return new Float64Array(n).fill(value);
  if (value.length !== n) throw invalidInput(`${name} bounds need one value per asset (${n}), got ${value.length}.`);
  return Float64Array.from(value);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function dot(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}

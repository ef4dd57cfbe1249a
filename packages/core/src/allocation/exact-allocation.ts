import { type AllocationBook, floorUnits, greedyBook, spent, trackingError } from "./allocation-book.js";

/**
 * The allocation of least tracking error Σ (aᵢ − xᵢuᵢ)² with Σ xᵢuᵢ ≤ B over whole units xᵢ ≥ 0, by
 * depth-first branch and bound (Land & Doig 1960):
 * - some optimum has xᵢ ≤ ⌈aᵢ/uᵢ⌉ (above it, one unit less costs less and frees cash), so each asset has a
 *   finite range; assets are branched on from the most expensive unit down, values nearest aᵢ/uᵢ first;
 * - a node is pruned when its cost so far plus a lower bound for the remaining assets reaches the incumbent.
 *   The bound is the Lagrangian relaxation of the budget, min Σⱼ [(aⱼ − xⱼuⱼ)² + λ(xⱼuⱼ)] − λB over integers,
 *   which is separable and valid for every λ ≥ 0; it is evaluated at λ = 0 (nearest rounding, budget
 *   ignored) and at the λ of the continuous relaxation (water-filling), and the larger value is used;
 * - the incumbent starts as the better of greedy top-up and nearest rounding repaired to the budget.
 * Fractional (crypto) assets are not branched on: the remaining cash is spread by the continuous optimum
 * (water-filling), floored to whole minimal units, so each is within one 10⁻⁸ unit of its exact value.
 * The search is exponential in the worst case; after `maxNodes` nodes it stops with the best allocation found
 * and `proven: false` (in practice 20 assets need a few thousand nodes).
 */
export function exactBook(book: AllocationBook, maxNodes = EXACT_NODE_LIMIT): { units: Float64Array; proven: boolean } {
  const n = book.targets.length;
  const whole = [...Array(n).keys()].filter((i) => !book.fractional[i]);
  whole.sort((i, j) => book.unitPrices[j]! - book.unitPrices[i]!);
  const fractional = [...Array(n).keys()].filter((i) => book.fractional[i]);
  const units = new Float64Array(n);
  const best = { cost: Number.POSITIVE_INFINITY, units: new Float64Array(n) };
  const consider = (candidate: Float64Array) => {
    if (spent(book, candidate) > book.budget) return;
    const cost = trackingError(book, candidate);
    if (cost < best.cost) {
      best.cost = cost;
      best.units = Float64Array.from(candidate);
    }
  };
  consider(greedyBook(book));
  consider(roundedAndRepaired(book));
  const tolerance = 1e-13 * (book.budget * book.budget + 1);
  let nodes = 0;

  const search = (depth: number, cash: number, cost: number): void => {
    if (depth === whole.length) {
      fillFractional(book, fractional, cash, units);
      let total = cost;
      for (const i of fractional) total += (book.targets[i]! - units[i]! * book.unitPrices[i]!) ** 2;
      if (total < best.cost - tolerance) {
        best.cost = total;
        best.units = Float64Array.from(units);
      }
      return;
    }
    const rest = whole.slice(depth + 1).concat(fractional);
    const i = whole[depth]!;
    const price = book.unitPrices[i]!;
    const target = book.targets[i]!;
    const highest = Math.min(Math.ceil(target / price), floorUnits(cash / price));
    if (highest < 0) return;
    const ideal = Math.min(Math.max(Math.round(target / price), 0), highest);
    const roundingBound = lagrangianBound(book, rest, cash, 0);
    // Values at and below `ideal` in descending order, then the (at most one) value above it.
    for (let x = ideal; x >= 0; x--) {
      const own = (target - x * price) ** 2;
      if (cost + own + roundingBound >= best.cost - tolerance) break;
      visit(depth, i, x, cash - x * price, cost + own, rest);
    }
    for (let x = ideal + 1; x <= highest; x++) {
      visit(depth, i, x, cash - x * price, cost + (target - x * price) ** 2, rest);
    }
  };

  const visit = (depth: number, i: number, x: number, cash: number, cost: number, rest: number[]): void => {
    if (nodes++ >= maxNodes) return;
    if (cost + remainingBound(book, rest, cash) >= best.cost - tolerance) return;
    units[i] = x;
    search(depth + 1, cash, cost);
    units[i] = 0;
  };

  search(0, book.budget, 0);
  return { units: best.units, proven: nodes < maxNodes };
}

/** Nodes the exact search may visit before it settles for the best allocation found (a guard, not a tuning knob). */
export const EXACT_NODE_LIMIT = 2_000_000;

/** The larger Lagrangian bound of the two multipliers (0 and the continuous relaxation's). */
function remainingBound(book: AllocationBook, rest: readonly number[], cash: number): number {
  const lambda = waterLevel(book, rest, cash);
  const atZero = lagrangianBound(book, rest, cash, 0);
  return lambda > 0 ? Math.max(atZero, lagrangianBound(book, rest, cash, lambda)) : atZero;
}

/**
 * min over integers xⱼ ≥ 0 of Σ [(aⱼ − xⱼuⱼ)² + 2λxⱼuⱼ] − 2λB (multiplier 2λ for tidier algebra): each
 * term is convex in xⱼ with real minimiser (aⱼ − λ)/uⱼ, so its integer minimum is at the floor or ceiling.
 * Fractional assets are taken as continuous, which only lowers the bound.
 */
function lagrangianBound(book: AllocationBook, rest: readonly number[], cash: number, lambda: number): number {
  let sum = -2 * lambda * cash;
  for (const j of rest) {
    const a = book.targets[j]!;
    const u = book.unitPrices[j]!;
    const term = (x: number) => (a - x * u) ** 2 + 2 * lambda * x * u;
    if (book.fractional[j]) {
      const y = Math.max(a - lambda, 0);
      sum += (a - y) ** 2 + 2 * lambda * y;
      continue;
    }
    const real = Math.max((a - lambda) / u, 0);
    sum += Math.min(term(Math.floor(real)), term(Math.ceil(real)));
  }
  return Math.max(sum, 0);
}

/** λ ≥ 0 with Σ max(aⱼ − λ, 0) = cash (0 when the targets fit): the continuous relaxation's multiplier. */
function waterLevel(book: AllocationBook, rest: readonly number[], cash: number): number {
  const targets = rest.map((j) => book.targets[j]!).sort((x, y) => y - x);
  let total = targets.reduce((sum, a) => sum + a, 0);
  if (total <= cash) return 0;
  for (let k = targets.length; k >= 1; k--) {
    const lambda = (total - cash) / k;
    if (lambda <= targets[k - 1]!) return lambda;
    total -= targets[k - 1]!;
  }
  return targets[0] ?? 0;
}

/** Continuous optimum of the fractional assets under the cash, floored to whole minimal units. */
function fillFractional(book: AllocationBook, fractional: readonly number[], cash: number, units: Float64Array): void {
  const lambda = waterLevel(book, fractional, Math.max(cash, 0));
  for (const j of fractional) {
    units[j] = floorUnits(Math.max(book.targets[j]! - lambda, 0) / book.unitPrices[j]!);
  }
}

/** Nearest whole units (never above ⌈aᵢ/uᵢ⌉); while over budget, drop the unit whose removal costs least. */
function roundedAndRepaired(book: AllocationBook): Float64Array {
  const units = book.targets.map((a, i) => Math.round(a / book.unitPrices[i]!));
  let cash = book.budget - spent(book, units);
  while (cash < 0) {
    let pick = -1;
    let cheapest = Number.POSITIVE_INFINITY;
    units.forEach((x, i) => {
      if (x <= 0) return;
      const u = book.unitPrices[i]!;
      const a = book.targets[i]!;
      const increase = (a - (x - 1) * u) ** 2 - (a - x * u) ** 2;
      if (increase < cheapest) {
        cheapest = increase;
        pick = i;
      }
    });
    if (pick < 0) break;
    units[pick] = units[pick]! - 1;
    cash += book.unitPrices[pick]!;
  }
  return units;
}

/**
 * One side of an allocation in whole units: targets aᵢ (money, ≥ 0), unit prices uᵢ (> 0) and a budget B.
 * Every method returns unit counts xᵢ ≥ 0 with Σ xᵢuᵢ ≤ B; the tracking error is Σ (aᵢ − xᵢuᵢ)².
 */
export interface AllocationBook {
  targets: Float64Array;
  unitPrices: Float64Array;
  budget: number;
  /** Assets whose units are tiny fractions (crypto at 10⁻⁸): treated as continuous by the exact method. */
  fractional: boolean[];
}

export function trackingError(book: AllocationBook, units: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < units.length; i++) sum += (book.targets[i]! - units[i]! * book.unitPrices[i]!) ** 2;
  return sum;
}

export function spent(book: AllocationBook, units: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < units.length; i++) sum += units[i]! * book.unitPrices[i]!;
  return sum;
}

/** floor, forgiving the last few ulps of rounding so that e.g. 47.999…9 from 48 stays 48. */
export function floorUnits(units: number): number {
  return Math.floor(units + units * 4 * Number.EPSILON);
}

/**
 * scrilla's rule: xᵢ = ⌊aᵢ/uᵢ⌋. When targets sum to a hair over the budget (weights summing to 1 + 1e-12),
 * the units most above target are given back one at a time until the budget holds.
 */
export function truncateBook(book: AllocationBook): Float64Array {
  const units = book.targets.map((target, i) => floorUnits(target / book.unitPrices[i]!));
  while (spent(book, units) > book.budget) {
    let pick = -1;
    let largest = Number.NEGATIVE_INFINITY;
    units.forEach((x, i) => {
      const excess = x * book.unitPrices[i]! - book.targets[i]!;
      if (x > 0 && excess > largest) {
        largest = excess;
        pick = i;
      }
    });
    if (pick < 0) break;
    units[pick] = units[pick]! - 1;
  }
  return units;
}

/**
 * Truncation, then repeatedly one more unit of the most under-allocated asset (largest aᵢ − xᵢuᵢ) among those
 * the remaining cash still buys and that one unit brings closer to target (deficit above half a unit), so the
 * tracking error never grows.
 */
export function greedyBook(book: AllocationBook): Float64Array {
  const units = truncateBook(book);
  let cash = book.budget - spent(book, units);
  for (;;) {
    let best = -1;
    let bestDeficit = 0;
    for (let i = 0; i < units.length; i++) {
      const price = book.unitPrices[i]!;
      const deficit = book.targets[i]! - units[i]! * price;
      // Only a unit that brings the asset closer to its target: (d − u)² < d² ⇔ d > u/2.
      if (deficit > bestDeficit && 2 * deficit > price && price <= cash) {
        best = i;
        bestDeficit = deficit;
      }
    }
    if (best < 0) return units;
    units[best] = units[best]! + 1;
    cash -= book.unitPrices[best]!;
  }
}

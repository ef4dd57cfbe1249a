import { assertSample } from "./sample-checks.js";

/**
 * The §2.6 percentiles (clamped) of an unsorted sample without sorting it: quickselect on a copy finds
 * just the order statistics each p needs, O(n) on average instead of O(n log n). `ps` ascending.
 */
export function percentilesBySelection(x: ArrayLike<number>, ps: readonly number[]): number[] {
  assertSample(x, 1);
  const a = Float64Array.from(x);
  const n = a.length;
  let lowerBound = 0;
  return ps.map((p) => {
    const obs = (n + 1) * p;
    if (obs <= 1) return minimum(a, 0);
    if (obs >= n) return maximum(a, lowerBound);
    const k = Math.floor(obs);
    const f = obs - k;
    selectInPlace(a, k - 1, lowerBound, n - 1);
    lowerBound = k - 1;
    const below = a[k - 1]!;
    return f === 0 ? below : (1 - f) * below + f * minimum(a, k);
  });
}

function minimum(a: Float64Array, from: number): number {
  let best = a[from]!;
  for (let i = from + 1; i < a.length; i++) if (a[i]! < best) best = a[i]!;
  return best;
}

function maximum(a: Float64Array, from: number): number {
  let best = a[from]!;
  for (let i = from + 1; i < a.length; i++) if (a[i]! > best) best = a[i]!;
  return best;
}

/** Hoare quickselect with a median-of-three pivot: afterwards a[lo..k) ≤ a[k] ≤ a(k..hi]. */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

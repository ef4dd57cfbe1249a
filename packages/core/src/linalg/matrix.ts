/**
 * Dense matrices are row-major `Float64Array`s: element (i, j) of an n×n matrix is `a[i * n + j]`.
 * Every helper takes the dimension `n` explicitly so callers can reuse buffers.
 */

/** Checks that `a` has n×n elements; throws a RangeError naming the caller otherwise (programming error). */
export function assertSquare(a: Float64Array, n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n) {
    throw new RangeError(`${what}: expected ${n}×${n} = ${n * n} elements, got ${a.length}`);
  }
}

/** The n×n identity matrix. */
export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** Largest absolute difference between a and its transpose (0 for an exactly symmetric matrix). */
export function asymmetry(a: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = Math.abs(a[i * n + j]! - a[j * n + i]!);
      if (gap > worst) worst = gap;
    }
  }
  return worst;
}

/** Replaces a by (a + aᵀ)/2 in place and returns it. */
export function symmetrizeInPlace(a: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (a[i * n + j]! + a[j * n + i]!);
      a[i * n + j] = mean;
      a[j * n + i] = mean;
    }
  }
  return a;
}

/** The diagonal of an n×n matrix. */
export function diagonal(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i * n + i]!;
  return out;
}

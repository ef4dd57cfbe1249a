/** Dot product of two equally long vectors. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

/** y = A·x for a row-major n×n matrix A. */
export function matVec(a: Float64Array, n: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += a[row + j]! * x[j]!;
    y[i] = sum;
  }
  return y;
}

/** xᵀ·A·x for a row-major n×n matrix A (e.g. a portfolio variance wᵀΣw). */
export function quadraticForm(a: Float64Array, n: number, x: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += a[row + j]! * x[j]!;
    total += x[i]! * sum;
  }
  return total;
}

/** C = A·B for row-major n×n matrices. */
export function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      if (aik === 0) continue;
      const bRow = k * n;
      const cRow = i * n;
      for (let j = 0; j < n; j++) c[cRow + j]! += aik * b[bRow + j]!;
    }
  }
  return c;
}

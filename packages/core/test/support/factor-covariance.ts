/**
 * Σ = B·Bᵀ + D for random test problems: `loadings` holds each asset's `factors` loadings row by row
 * (length n·factors), `idiosyncratic` the diagonal D. Positive definite whenever every D entry is > 0.
 */
export function factorCovariance(
  loadings: readonly number[] | Float64Array,
  idiosyncratic: readonly number[],
  factors: number,
): Float64Array {
  const n = idiosyncratic.length;
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? idiosyncratic[i]! : 0;
      for (let f = 0; f < factors; f++) sum += loadings[factors * i + f]! * loadings[factors * j + f]!;
      covariance[i * n + j] = sum;
    }
  }
  return covariance;
}

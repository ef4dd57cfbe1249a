/** J = L⁻ᵀ (upper triangular) from a lower-triangular L, by forward substitution column by column. */
export function inverseTransposeOfLower(lower: Float64Array, n: number): Float64Array {
  const inverse = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    // Solve L·m = e_col; m is column `col` of L⁻¹, i.e. row `col` of L⁻ᵀ.
    inverse[col * n + col] = 1 / lower[col * n + col]!;
    for (let i = col + 1; i < n; i++) {
      let sum = 0;
      const row = i * n;
      for (let k = col; k < i; k++) sum -= lower[row + k]! * inverse[col * n + k]!;
      inverse[col * n + i] = sum / lower[row + i]!;
    }
  }
  return inverse;
}

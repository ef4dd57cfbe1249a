/**
 * Internal dense linear algebra for scrilla's estimators and optimiser. Not part of the public
 * `@scrilla/core` API; import from `../linalg/index.js`. Names here are stable.
 *
 * Convention: an n×n matrix is a row-major `Float64Array` of length n², element (i, j) at `a[i * n + j]`.
 *
 * - `cholesky(a, n)` → `{ ok: true, lower }` | `{ ok: false, failedAtRow, pivot }` (A = L·Lᵀ, no throw on non-PD)
 * - `choleskySolve(lower, n, b)` → x with L·Lᵀ·x = b
 * - `symmetricEigen(a, n)` → `{ values (ascending), vectors (column j = eigenvector j) }`; throws
 *   `ScrillaError("NOT_CONVERGED")` only for non-finite input
 * - `symmetricEigenvalues(a, n)` → ascending eigenvalues
 * - `nearestPsd(a, n, { floor?, unitDiagonal?, tolerance? })` → `{ matrix, repaired, minEigenvalueBefore }`
 * - `nearestPsdIfNeeded(a, n, { unitDiagonal?, tolerance? })` → the same, eigenvalues only when Cholesky fails
 * - `rescaleToUnitDiagonal(a, n)` in place D^{-1/2}·A·D^{-1/2}
 * - `dot(x, y)`, `matVec(a, n, x)`, `quadraticForm(a, n, x)`, `matMul(a, b, n)`
 * - `identity(n)`, `diagonal(a, n)`, `asymmetry(a, n)`, `symmetrizeInPlace(a, n)`, `assertSquare(a, n, what)`
 */
export { type CholeskyResult, cholesky, choleskySolve } from "./cholesky.js";
export { assertSquare, asymmetry, diagonal, identity, symmetrizeInPlace } from "./matrix.js";
export { type NearestPsdOptions, type NearestPsdResult, nearestPsd, rescaleToUnitDiagonal } from "./nearest-psd.js";
export { type CheckedPsdResult, nearestPsdIfNeeded } from "./psd-check.js";
export { type SymmetricEigen, symmetricEigen, symmetricEigenvalues } from "./symmetric-eigen.js";
export { dot, matMul, matVec, quadraticForm } from "./vector-ops.js";

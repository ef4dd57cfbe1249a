import { ScrillaError } from "../errors.js";

/** D^{-1/2}·Σ·D^{-1/2}: unit diagonal, off-diagonals clamped to [−1, 1]. A zero variance is INVALID_INPUT. */
export function correlationFromCovariance(covariance: Float64Array, assets: number): Float64Array {
  const inverseSd = new Float64Array(assets);
  for (let i = 0; i < assets; i++) {
    const variance = covariance[i * assets + i]!;
    if (!(variance > 0)) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `asset ${i} has zero variance over the sample, so its correlation is undefined; drop it or widen the window`,
        { asset: i },
      );
    }
    inverseSd[i] = 1 / Math.sqrt(variance);
  }
  const correlation = new Float64Array(assets * assets);
  for (let i = 0; i < assets; i++) {
    for (let j = 0; j < assets; j++) {
      const value = covariance[i * assets + j]! * inverseSd[i]! * inverseSd[j]!;
      correlation[i * assets + j] = i === j ? 1 : Math.min(1, Math.max(-1, value));
    }
  }
  return correlation;
}

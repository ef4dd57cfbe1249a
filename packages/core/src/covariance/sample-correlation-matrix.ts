import { ScrillaError } from "../errors.js";
import { isConstant } from "../estimators/moments.js";
import { symmetricGram } from "./gram-kernel.js";
import { assertPanel, type ReturnsPanel } from "./returns-panel.js";

/**
 * Pearson correlation matrix of N assets × T aligned daily returns, fast: each row is centred and scaled
 * to unit norm once, then one blocked X·Xᵀ gives every pairwise correlation. Unit diagonal, symmetric,
 * clamped to [−1, 1]; PSD up to rounding since it is a Gram matrix.
 */
export function sampleCorrelationMatrix(panel: ReturnsPanel): Float64Array {
  assertPanel(panel, 2);
  const { assets, days, values } = panel;
  const normalised = new Float64Array(values.length);
  for (let i = 0; i < assets; i++) {
    const base = i * days;
    let sum = 0;
    for (let t = 0; t < days; t++) sum += values[base + t]!;
    const mean = sum / days;
    let squares = 0;
    for (let t = 0; t < days; t++) {
      const d = values[base + t]! - mean;
      normalised[base + t] = d;
      squares += d * d;
    }
    if (squares === 0 || isConstant(values.subarray(base, base + days))) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `asset ${i} has constant returns over the sample, so its correlation is undefined; drop it or widen the window`,
        { asset: i },
      );
    }
    const scale = 1 / Math.sqrt(squares);
    for (let t = 0; t < days; t++) normalised[base + t] = normalised[base + t]! * scale;
  }
  const gram = symmetricGram(normalised, assets, days);
  for (let i = 0; i < assets; i++) {
    for (let j = 0; j < assets; j++) {
      const k = i * assets + j;
      gram[k] = i === j ? 1 : Math.min(1, Math.max(-1, gram[k]!));
    }
  }
  return gram;
}

import { ScrillaError } from "../errors.js";
import { isConstant } from "../estimators/moments.js";
import { symmetricGramView } from "./gram-kernel.js";
import type { GramView } from "./gram-rows.js";
import { assertPanel, type ReturnsPanel } from "./returns-panel.js";

/**
 * Pearson correlation matrix of N assets × T aligned daily returns, fast: each row is centred and scaled
 * to unit norm as the Gram kernel packs it (no standardised copy of the panel), and one blocked X·Xᵀ
 * gives every pairwise correlation. Unit diagonal, symmetric, clamped to [−1, 1]; PSD up to rounding
 * since it is a Gram matrix.
 */
export function sampleCorrelationMatrix(panel: ReturnsPanel): Float64Array {
  assertPanel(panel, 2);
  const { assets, days, values } = panel;
  const { view, stride } = pearsonGram(assets, days, (asset) => values.subarray(asset * days, (asset + 1) * days));
  const correlation = new Float64Array(assets * assets);
  for (let i = 0; i < assets; i++) {
    for (let j = 0; j < assets; j++) correlation[i * assets + j] = Math.min(1, Math.max(-1, view[i * stride + j]!));
    correlation[i * assets + i] = 1;
  }
  return correlation;
}

/**
 * The same as nested rows, for returns produced one asset at a time: `returnsOf(asset, scratch)` gives
 * that asset's `days` returns, either a view of data it already holds or `scratch` filled in (a
 * `days`-long array reused for every asset). Asset rows are asked for in order, each once. The rows
 * are read straight from the kernel's memory: no assets² array in between.
 */
export function pearsonCorrelationRows(
  assets: number,
  days: number,
  returnsOf: (asset: number, scratch: Float64Array) => Float64Array,
): number[][] {
  const { view, stride } = pearsonGram(assets, days, returnsOf);
  const rows: number[][] = new Array(assets);
  for (let i = 0; i < assets; i++) {
    const row: number[] = new Array(assets);
    for (let j = 0; j < assets; j++) row[j] = Math.min(1, Math.max(-1, view[i * stride + j]!));
    row[i] = 1;
    rows[i] = row;
  }
  return rows;
}

/** Gram matrix of the rows centred and scaled to unit norm (read it before the next Gram product). */
function pearsonGram(
  assets: number,
  days: number,
  returnsOf: (asset: number, scratch: Float64Array) => Float64Array,
): GramView {
  const scratch = new Float64Array(days);
  return symmetricGramView(assets, days, (asset, target, offset, stride) => {
    const row = returnsOf(asset, scratch);
    let sum = 0;
    for (let t = 0; t < days; t++) sum += row[t]!;
    const mean = sum / days;
    let squares = 0;
    for (let t = 0; t < days; t++) {
      const d = row[t]! - mean;
      squares += d * d;
    }
    if (squares === 0 || isConstant(row)) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `asset ${asset} has constant returns over the sample, so its correlation is undefined; drop it or widen the window`,
        { asset },
      );
    }
    const scale = 1 / Math.sqrt(squares);
    for (let t = 0; t < days; t++) target[offset + t * stride] = (row[t]! - mean) * scale;
  });
}

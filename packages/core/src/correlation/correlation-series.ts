import { ScrillaError } from "../errors.js";
import { pearsonUnchecked } from "../estimators/pearson-correlation.js";
import { alignSeries } from "../returns/align-series.js";
import { logReturns } from "../returns/log-returns.js";
import type { PriceSeries } from "../types.js";

export interface CorrelationSeriesOptions {
  /** Returns per window (default 100, scrilla's default analysis period). */
  window?: number;
  /** Only dates ≥ from (inclusive) are reported. */
  from?: string;
}

/**
 * Rolling correlation time series (§3.8): for each common date d with `window` returns of history
 * ending at d, the Pearson (moments) correlation of the last `window` daily log returns.
 * Output keyed by date, ascending.
 */
export function correlationSeries(
  first: PriceSeries,
  second: PriceSeries,
  options: CorrelationSeriesOptions = {},
): Record<string, number> {
  const window = options.window ?? 100;
  if (!Number.isInteger(window) || window < 2) {
    throw new ScrillaError("INVALID_INPUT", `correlation window must be an integer ≥ 2 returns, got ${window}`);
  }
  const aligned = alignSeries(first, second);
  if (aligned.dates.length < window + 1) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `a ${window}-return rolling correlation needs ${window + 1} common dates, got ${aligned.dates.length}; widen the range`,
    );
  }
  const x = logReturns(aligned.first);
  const y = logReturns(aligned.second);
  const out: Record<string, number> = {};
  for (let end = window; end <= x.length; end++) {
    const date = aligned.dates[end]!;
    if (options.from !== undefined && date < options.from) continue;
    out[date] = pearsonUnchecked(x.subarray(end - window, end), y.subarray(end - window, end));
  }
  return out;
}

import { ScrillaError } from "../errors.js";
import { type EstimationMethod, parseEstimationMethod } from "../profile/estimation-method.js";
import { profileFromLogReturns } from "../profile/risk-profile.js";
import { assertSeriesShape } from "../returns/align-series.js";
import { logReturns } from "../returns/log-returns.js";
import { samplingPeriod } from "../returns/sampling-period.js";
import type { AssetType, PriceSeries } from "../types.js";

/** scrilla's MA_1, MA_2, MA_3 defaults, in observations. */
export const DEFAULT_MOVING_AVERAGE_PERIODS = [20, 60, 100] as const;

export interface MovingAverageOptions {
  periods?: readonly number[];
  method?: EstimationMethod;
  assetType?: AssetType;
  weekends?: boolean;
  /** First and last dates to report (inclusive); both default to the series' last date. */
  from?: string;
  to?: string;
}

/**
 * Moving averages of the annual return (§3.6) with ONE definition for every method (D-11): MA_k on
 * date d is the `annual_return` (GBM drift μ = log drift + σ²/2) of the risk profile estimated by
 * `method` on the k + 1 prices ending at d. (The original's moments variant is the log drift alone:
 * subtract σ²/2 to compare.) Output `{ date: { MA_<k>: value } }`, dates ascending.
 */
export function movingAverages(
  series: PriceSeries,
  options: MovingAverageOptions = {},
): Record<string, Record<string, number>> {
  assertSeriesShape(series, "price series");
  const method = parseEstimationMethod(options.method ?? "moments");
  const periods = options.periods ?? DEFAULT_MOVING_AVERAGE_PERIODS;
  for (const period of periods) {
    if (!Number.isInteger(period) || period < 2) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `moving-average period must be an integer ≥ 2 observations, got ${period}`,
      );
    }
  }
  const { dates } = series;
  if (dates.length === 0) throw new ScrillaError("NO_PRICES", "the price series is empty; fetch prices first");
  const last = dates[dates.length - 1]!;
  const to = options.to ?? options.from ?? last;
  const from = options.from ?? to;
  const returns = logReturns(series.close);
  const dt = samplingPeriod(options.assetType, options.weekends);
  const out: Record<string, Record<string, number>> = {};
  dates.forEach((date, index) => {
    if (date < from || date > to) return;
    const row: Record<string, number> = {};
    for (const period of periods) {
      if (index < period) {
        throw new ScrillaError(
          "SAMPLE_TOO_SMALL",
          `MA_${period} on ${date} needs ${period} earlier prices but the series has ${index}; start the series earlier`,
        );
      }
      row[`MA_${period}`] = profileFromLogReturns(returns.subarray(index - period, index), dt, method).annual_return;
    }
    out[date] = row;
  });
  if (Object.keys(out).length === 0) {
    throw new ScrillaError("NO_PRICES", `the series has no date in [${from}, ${to}]; choose dates inside the series`);
  }
  return out;
}

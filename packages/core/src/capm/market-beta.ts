import { correlationOfReturns } from "../correlation/asset-correlation.js";
import { ScrillaError } from "../errors.js";
import type { EstimationMethod } from "../profile/estimation-method.js";
import { MINIMUM_PROFILE_PRICES, profileFromLogReturns } from "../profile/risk-profile.js";
import { alignSeries } from "../returns/align-series.js";
import { logReturns } from "../returns/log-returns.js";
import { samplingPeriod } from "../returns/sampling-period.js";
import type { AssetType, PriceSeries } from "../types.js";
import { betaFromStatistics } from "./capm.js";

export interface MarketBetaOptions {
  /** Estimation method for both volatilities and the correlation (D-22: passed through). Default "moments". */
  method?: EstimationMethod;
  assetType?: AssetType;
  marketAssetType?: AssetType;
  /** The aligned sample holds every calendar day (only when both are crypto). */
  weekends?: boolean;
}

/**
 * CAPM beta of an asset against a market proxy (§3.2), β = ρ·σ_a/σ_m, with every ingredient estimated
 * by `method` on the two series' common dates. For `moments` this is exactly the OLS slope of the
 * asset's daily log returns on the market's.
 */
export function marketBeta(asset: PriceSeries, market: PriceSeries, options: MarketBetaOptions = {}): number {
  const method = options.method ?? "moments";
  const aligned = alignSeries(asset, market);
  if (aligned.dates.length < MINIMUM_PROFILE_PRICES) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `asset and market share ${aligned.dates.length} date(s); beta needs at least ${MINIMUM_PROFILE_PRICES}`,
    );
  }
  const assetReturns = logReturns(aligned.first);
  const marketReturns = logReturns(aligned.second);
  const assetProfile = profileFromLogReturns(
    assetReturns,
    samplingPeriod(options.assetType, options.weekends ?? false),
    method,
  );
  const marketProfile = profileFromLogReturns(
    marketReturns,
    samplingPeriod(options.marketAssetType, options.weekends ?? false),
    method,
  );
  const correlation = correlationOfReturns(assetReturns, marketReturns, method);
  return betaFromStatistics(correlation, assetProfile.annual_volatility, marketProfile.annual_volatility);
}

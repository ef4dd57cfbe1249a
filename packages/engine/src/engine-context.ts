import type { CacheStore, CorrelationKey, ProfileKey } from "@scrilla/cache";
import {
  type AssetType,
  assetCorrelation,
  costOfEquity,
  type DateRange,
  keepTradingDays,
  MATURITIES,
  type Maturity,
  marketBeta,
  NYSE_CALENDAR,
  type PriceSeries,
  riskProfile,
  ScrillaError,
  sharpeRatio,
  validateDates,
} from "@scrilla/core";
import type { MarketData } from "@scrilla/market-data";
import type { EngineConfig } from "./config/engine-config.js";
import { addDays } from "./data/coverage.js";
import { InterestReader } from "./data/interest-reader.js";
import { mapConcurrently } from "./data/map-concurrently.js";
import { PriceReader } from "./data/price-reader.js";
import { SingleFlight, type WaitClock } from "./data/single-flight.js";
import type { CommandOptions, EngineLogger, EstimationMethod, ProgressEvent, RiskProfile } from "./engine-types.js";

/** Price files read and parsed at a time (2–4 measured best on 2 cores; 100 at once was slowest). */
const LOCAL_FILES_AT_ONCE = 4;

export interface EngineServices {
  config: EngineConfig;
  store: CacheStore;
  market: MarketData;
  today: string;
  /** Latest date with a published NYSE close: the clock's view, or the last day of a price folder. */
  lastClose: string | undefined;
  /** Said once (info) when a command falls back to `today` for its end date and today came from the data. */
  todayNote?: string | undefined;
  logger: EngineLogger;
  emit: (event: ProgressEvent) => void;
  /** scrilla's user directory (key files, watchlist, symbol lists). */
  home: { root: string; common: string; static: string };
  /** The clock of the wait for another process's fetch (single-flight.ts). */
  clock: WaitClock;
}

/** A process waiting for another's fetch looks again after 100 ms, then 200, 400 … at most every 2 s. */
const FETCH_POLL_MS = 100;
const FETCH_MAX_POLL_MS = 2_000;

/** One asset of a request: its symbol and resolved asset type. */
export interface Asset {
  ticker: string;
  assetType: AssetType;
}

/** The shared primitives every command composes: windows, series, cached profiles and correlations. */
export class EngineContext {
  readonly prices: PriceReader;
  readonly interest: InterestReader;
  private todayNoted = false;

  constructor(readonly services: EngineServices) {
    const { store, market, today } = services;
    const settledThrough = (assetType: AssetType) =>
      assetType === "crypto" ? addDays(today, -1) : (services.lastClose ?? NYSE_CALENDAR.tradingDayOnOrBefore(today));
    const singleFlight = new SingleFlight({
      store,
      clock: services.clock,
      leaseMs: services.config.FETCH_LEASE_MS,
      waitMs: services.config.FETCH_WAIT_MS,
      pollMs: FETCH_POLL_MS,
      maxPollMs: FETCH_MAX_POLL_MS,
      logger: services.logger,
    });
    this.prices = new PriceReader({ store, providerFor: () => market.prices, settledThrough, singleFlight });
    this.interest = new InterestReader({ store, provider: market.yieldCurve, today, singleFlight });
  }

  get config(): EngineConfig {
    return this.services.config;
  }

  method(options: CommandOptions): EstimationMethod {
    return options.method ?? this.config.DEFAULT_ESTIMATION_METHOD;
  }

  async assets(tickers: readonly string[], override?: AssetType): Promise<Asset[]> {
    const symbols = tickers.map(normaliseTicker);
    return Promise.all(
      symbols.map(async (ticker) => ({
        ticker,
        assetType: await this.services.market.assetTypes.resolve(ticker, override),
      })),
    );
  }

  /** The analysis window (spec §9.5): crypto rules only when every asset is crypto. */
  window(options: CommandOptions, assets: readonly Asset[] = []): DateRange {
    if (options.end === undefined) this.noteDefaultToday();
    const assetType: AssetType =
      assets.length > 0 && assets.every((a) => a.assetType === "crypto") ? "crypto" : "equity";
    return validateDates({
      start: options.start,
      end: options.end,
      assetType,
      today: this.services.today,
      lastClose: this.services.lastClose,
      period: this.config.DEFAULT_ANALYSIS_PERIOD,
    });
  }

  /**
   * Prices of several assets with progress events: all at once from a service, a few at a time from local
   * files, which are read and parsed on this thread (fewer texts alive at once: ≈ 9 % less time for a cold
   * 100-file correlation than all at once).
   */
  async seriesOf(assets: readonly Asset[], window: DateRange): Promise<PriceSeries[]> {
    let completed = 0;
    const total = assets.length;
    const limit = this.services.market.prices.sourceVersion ? LOCAL_FILES_AT_ONCE : total;
    return mapConcurrently(assets, limit, async ({ ticker, assetType }) => {
      this.services.emit({ kind: "fetch-start", source: "prices", key: ticker, completed, total });
      const series = await this.prices.series(ticker, assetType, window);
      completed += 1;
      this.services.emit({ kind: "fetch-done", source: "prices", key: ticker, completed, total });
      return series;
    });
  }

  /** A crypto series joined with equities is cut to NYSE days so every method sees the same dates (D-08..D-10). */
  alignedForMix(assets: readonly Asset[], series: readonly PriceSeries[]): PriceSeries[] {
    const mixed = new Set(assets.map((a) => a.assetType)).size > 1;
    return mixed
      ? series.map((s, i) => (assets[i]!.assetType === "crypto" ? keepTradingDays(s, NYSE_CALENDAR) : s))
      : [...series];
  }

  /** Annual return and volatility, cached under the full key. */
  async returnProfile(
    asset: Asset,
    window: DateRange,
    method: EstimationMethod,
  ): Promise<{ annual_return: number; annual_volatility: number }> {
    const key = this.profileKey(asset, window, method);
    const cached = await this.services.store.getProfile(key);
    if (cached?.annual_return !== undefined && cached.annual_volatility !== undefined) {
      return { annual_return: cached.annual_return, annual_volatility: cached.annual_volatility };
    }
    const [series] = await this.seriesOf([asset], window);
    const profile = riskProfile(series!.close, { method, assetType: asset.assetType });
    await this.services.store.mergeProfile(key, profile);
    return profile;
  }

  async correlation(first: Asset, second: Asset, window: DateRange, method: EstimationMethod): Promise<number> {
    if (first.ticker === second.ticker) return 1;
    const key: CorrelationKey = {
      ticker1: first.ticker,
      ticker2: second.ticker,
      startDate: window.start,
      endDate: window.end,
      method,
      weekends: first.assetType === "crypto" && second.assetType === "crypto",
    };
    const cached = await this.services.store.getCorrelation(key);
    if (cached !== undefined) return cached;
    const pair = [first, second];
    const series = this.alignedForMix(pair, await this.seriesOf(pair, window));
    const { correlation } = assetCorrelation(series[0]!, series[1]!, { method });
    await this.services.store.putCorrelation(key, correlation);
    return correlation;
  }

  async beta(asset: Asset, window: DateRange, method: EstimationMethod): Promise<number> {
    const key = this.profileKey(asset, window, method);
    const cached = await this.services.store.getProfile(key);
    if (cached?.asset_beta !== undefined) return cached.asset_beta;
    const market = await this.marketAsset();
    let beta = 1;
    if (market.ticker !== asset.ticker) {
      const pair = [asset, market];
      const series = this.alignedForMix(pair, await this.seriesOf(pair, window));
      beta = marketBeta(series[0]!, series[1]!, {
        method,
        assetType: asset.assetType,
        marketAssetType: market.assetType,
      });
    }
    await this.services.store.mergeProfile(key, { asset_beta: beta });
    return beta;
  }

  /**
   * Every statistic of `risk-profile`. μ, σ and β come from the cached profile row; the Sharpe ratio and the
   * cost of equity are recomputed from today's risk-free rate (itself cached) so they never go stale, and
   * written back to the row when they changed.
   */
  async fullProfile(asset: Asset, window: DateRange, method: EstimationMethod): Promise<RiskProfile> {
    const base = await this.returnProfile(asset, window, method);
    const beta = await this.beta(asset, window, method);
    const market = await this.returnProfile(await this.marketAsset(), window, method);
    const rf = await this.riskFreeRate(window.end);
    const full: RiskProfile = {
      ...base,
      sharpe_ratio: sharpeRatio(base, rf),
      asset_beta: beta,
      equity_cost: costOfEquity(beta, market, rf),
    };
    const key = this.profileKey(asset, window, method);
    const stored = await this.services.store.getProfile(key);
    if (stored?.sharpe_ratio !== full.sharpe_ratio || stored?.equity_cost !== full.equity_cost) {
      await this.services.store.mergeProfile(key, { sharpe_ratio: full.sharpe_ratio, equity_cost: full.equity_cost });
    }
    return full;
  }

  async marketAsset(): Promise<Asset> {
    const [market] = await this.assets([this.config.MARKET_PROXY]);
    return market!;
  }

  /**
   * The risk-free rate as a decimal (spec §3.4 RECOMMENDED, D-24/D-25): the RISK_FREE maturity's latest
   * published value on or before the window end, and never later than the business day before today
   * (the Treasury publishes after the close).
   */
  async riskFreeRate(end?: string): Promise<number> {
    if (this.config.RISK_FREE_RATE !== undefined) return this.config.RISK_FREE_RATE;
    try {
      const { value } = await this.latestYield(this.config.RISK_FREE, end);
      return value / 100;
    } catch (error) {
      // An outage (PROVIDER_ERROR), no yield for the window (NO_PRICES) or no yield file (NOT_FOUND).
      const missing = ["PROVIDER_ERROR", "NO_PRICES", "NOT_FOUND"];
      if (!(error instanceof ScrillaError) || !missing.includes(error.code)) throw error;
      throw new ScrillaError(
        error.code,
        `${error.message} To carry on without a Treasury yield, set RISK_FREE_RATE (a decimal such as 0.04).`,
        error.details,
        { cause: error },
      );
    }
  }

  async latestYield(maturity: Maturity, end?: string): Promise<{ date: string; value: number }> {
    if (end === undefined) this.noteDefaultToday();
    const published = NYSE_CALENDAR.previousTradingDay(this.services.today);
    const asOf = end && end < published ? end : published;
    const rows = await this.interest.rows(maturity, { start: addDays(asOf, -14), end: asOf });
    const latest = rows.filter((r) => r.value !== null).at(-1);
    if (!latest) {
      throw new ScrillaError(
        "NO_PRICES",
        `No Treasury ${maturity} yield was published in the two weeks before ${asOf}; pick another date or maturity.`,
        { maturity, asOf },
      );
    }
    return { date: latest.date, value: latest.value! };
  }

  private noteDefaultToday(): void {
    if (this.todayNoted || !this.services.todayNote) return;
    this.todayNoted = true;
    this.services.logger.info(this.services.todayNote);
  }

  assertMaturity(symbol: string): Maturity {
    const upper = symbol.toUpperCase();
    if (!(MATURITIES as readonly string[]).includes(upper)) {
      throw new ScrillaError("INVALID_INPUT", `Unknown maturity "${symbol}"; use one of ${MATURITIES.join(", ")}.`, {
        symbol,
      });
    }
    return upper as Maturity;
  }

  private profileKey(asset: Asset, window: DateRange, method: EstimationMethod): ProfileKey {
    return {
      ticker: asset.ticker,
      startDate: window.start,
      endDate: window.end,
      method,
      weekends: asset.assetType === "crypto",
    };
  }
}

const TICKER = /^[A-Z0-9][A-Z0-9.\-^=]{0,19}$/;

export function normaliseTicker(symbol: string): string {
  const ticker = symbol.trim().toUpperCase();
  if (!TICKER.test(ticker)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `"${symbol}" is not a ticker symbol; use letters and digits such as SPY or BTC.`,
      {
        symbol,
      },
    );
  }
  return ticker;
}

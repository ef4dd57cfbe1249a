import { type AssetType, type DateRange, isScrillaError, ScrillaError } from "@scrilla/core";
import type { AlphaVantageClient } from "./alpha-vantage-client.js";
import { assertDateRange, isWithin } from "./date-range.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { PriceBar, PriceProvider } from "./provider-types.js";
import { type SourcedBar, validatedBars } from "./validate-bars.js";

export interface AlphaVantagePriceProviderOptions {
  client: AlphaVantageClient;
  logger?: MarketDataLogger;
}

const EQUITY_SERIES = "Time Series (Daily)";
const CRYPTO_SERIES = "Time Series (Digital Currency Daily)";
// Older responses spell the USD fields `4a. close (USD)`, newer ones `4. close` (spec §7.3).
const CLOSE_FIELDS = ["4a. close (USD)", "4. close"];
const OPEN_FIELDS = ["1a. open (USD)", "1. open"];
const SPLIT_SUSPECT_LOG_RETURN = Math.LN2;
/** A series key: a date, optionally with a time of day ("2024-01-02 16:00:00"). */
const DATE_KEY = /^\d{4}-\d{2}-\d{2}(?:$|[ T])/;

/** Daily prices from AlphaVantage: TIME_SERIES_DAILY for equities, DIGITAL_CURRENCY_DAILY (USD) for crypto. */
export class AlphaVantagePriceProvider implements PriceProvider {
  readonly name = "alpha_vantage";
  private readonly client: AlphaVantageClient;
  private readonly logger: MarketDataLogger;
  /** Becomes false once the key proved not entitled to `outputsize=full`; later requests go compact directly. */
  private fullHistoryEntitled = true;

  constructor(options: AlphaVantagePriceProviderOptions) {
    this.client = options.client;
    this.logger = options.logger ?? silentLogger;
  }

  async fetchDaily(ticker: string, assetType: AssetType, range: DateRange): Promise<PriceBar[]> {
    assertDateRange(range);
    const symbol = ticker.trim().toUpperCase();
    const body =
      assetType === "crypto"
        ? await this.client.queryJson({ function: "DIGITAL_CURRENCY_DAILY", symbol, market: "USD" })
        : await this.equityHistory(symbol);
    const seriesKey = assetType === "crypto" ? CRYPTO_SERIES : EQUITY_SERIES;
    const series = body[seriesKey];
    if (typeof series !== "object" || series === null) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        `AlphaVantage's answer for ${symbol} has no "${seriesKey}" object; the response format may have changed.`,
        { symbol, keys: Object.keys(body) },
      );
    }
    const bars = toBars(symbol, series as Record<string, unknown>, range);
    if (assetType === "equity") this.warnOnSuspectedSplits(symbol, bars);
    return bars;
  }

  private async equityHistory(symbol: string): Promise<Record<string, unknown>> {
    const params = { function: "TIME_SERIES_DAILY", symbol };
    if (this.fullHistoryEntitled) {
      try {
        return await this.client.queryJson({ ...params, outputsize: "full" });
      } catch (error) {
        if (!isScrillaError(error) || error.details?.reason !== "premium") throw error;
        this.fullHistoryEntitled = false;
        this.logger(
          "warn",
          "AlphaVantage: this key is not entitled to the full price history (outputsize=full); using the last 100 days (compact).",
        );
      }
    }
    return this.client.queryJson({ ...params, outputsize: "compact" });
  }

  private warnOnSuspectedSplits(symbol: string, bars: PriceBar[]): void {
    for (let i = 1; i < bars.length; i++) {
      const jump = Math.abs(Math.log(bars[i]!.close / bars[i - 1]!.close));
      if (jump > SPLIT_SUSPECT_LOG_RETURN) {
        this.logger(
          "warn",
          `${symbol}: close moved by a factor ${Math.exp(jump).toFixed(2)} on ${bars[i]!.date}; AlphaVantage prices are not split-adjusted (D-33).`,
        );
      }
    }
  }
}

function toBars(symbol: string, series: Record<string, unknown>, range: DateRange): PriceBar[] {
  const entries = Object.entries(series);
  if (entries.length === 0) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `AlphaVantage sent an empty price series for ${symbol}; nothing was cached. Retry later; if it persists, check the symbol.`,
      { symbol },
    );
  }
  const bars: SourcedBar[] = [];
  for (const [date, fields] of entries) {
    const day = date.slice(0, 10);
    const source = `AlphaVantage ${symbol} ${date}`;
    const record = (typeof fields === "object" && fields !== null ? fields : {}) as Record<string, unknown>;
    const close = firstNumber(record, CLOSE_FIELDS);
    if (close === undefined) {
      throw new ScrillaError("PROVIDER_ERROR", `AlphaVantage's ${symbol} entry for ${day} has no close price.`, {
        symbol,
        date: day,
      });
    }
    bars.push({
      date: DATE_KEY.test(date) ? day : date,
      open: firstNumber(record, OPEN_FIELDS) ?? null,
      close,
      source,
    });
  }
  // The whole history is checked, so one bad day anywhere is reported rather than cached with its neighbours.
  return validatedBars(bars, {
    code: "PROVIDER_ERROR",
    advice:
      "AlphaVantage sent bad data; nothing was cached. Retry later, or use PRICE_MANAGER=csv with a checked file.",
  }).filter((bar) => isWithin(bar.date, range));
}

function firstNumber(record: Record<string, unknown>, fields: string[]): number | undefined {
  for (const field of fields) {
    const value = parseFiniteNumber(record[field]);
    if (value !== undefined) return value;
  }
  return undefined;
}

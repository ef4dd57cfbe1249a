import { ScrillaError } from "@scrilla/core";
import type { AlphaVantageClient } from "./alpha-vantage-client.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { DividendPayment, DividendProvider } from "./provider-types.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dividend payments from AlphaVantage's DIVIDENDS function (replaces the shut-down IEX Cloud, spec §7.6). */
export class AlphaVantageDividendProvider implements DividendProvider {
  readonly name = "alpha_vantage";

  constructor(private readonly client: AlphaVantageClient) {}

  async fetchDividends(ticker: string): Promise<DividendPayment[]> {
    const symbol = ticker.trim().toUpperCase();
    const body = await this.client.queryJson({ function: "DIVIDENDS", symbol });
    const data = body.data;
    if (!Array.isArray(data)) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        `AlphaVantage's DIVIDENDS answer for ${symbol} has no "data" list; the response format may have changed.`,
        { symbol, keys: Object.keys(body) },
      );
    }
    const payments: DividendPayment[] = [];
    for (const entry of data as Array<Record<string, unknown>>) {
      const date = entry?.payment_date;
      const amount = parseFiniteNumber(entry?.amount);
      // Announced-but-unscheduled payments carry "None" dates: they have no place on a timeline.
      if (typeof date !== "string" || !ISO_DATE.test(date) || amount === undefined) continue;
      payments.push({ date, amount });
    }
    return payments.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }
}

import type { AssetType } from "@scrilla/core";
import type { AssetTypeResolver, PriceProvider } from "@scrilla/market-data";

/**
 * Asset types without the network, for local price folders: a series with weekend prices trades every
 * day, so it is crypto; anything else is an equity. An explicit override wins (D-37).
 */
export class WeekendAssetTypeResolver implements AssetTypeResolver {
  private readonly known = new Map<string, Promise<AssetType>>();

  constructor(private readonly prices: PriceProvider) {}

  resolve(ticker: string, override?: AssetType): Promise<AssetType> {
    if (override) return Promise.resolve(override);
    const symbol = ticker.trim().toUpperCase();
    let type = this.known.get(symbol);
    if (!type) {
      type = this.classify(symbol);
      this.known.set(symbol, type);
    }
    return type;
  }

  private async classify(symbol: string): Promise<AssetType> {
    const bars = await this.prices.fetchDaily(symbol, "equity", { start: "1900-01-01", end: "2999-12-31" });
    const weekend = bars.some((bar) => {
      const day = new Date(`${bar.date}T00:00:00Z`).getUTCDay();
      return day === 0 || day === 6;
    });
    return weekend ? "crypto" : "equity";
  }
}

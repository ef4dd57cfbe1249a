import type { AssetType } from "@scrilla/core";
import type { AssetTypeResolver } from "./provider-types.js";
import type { SymbolLists } from "./symbol-lists.js";

/**
 * Spec §7.2 with D-37 fixed: upper-cased symbols; crypto iff in the crypto list and not in the equity
 * list (symbols in both, like ETH when listed as a stock, stay equity unless overridden).
 */
export class ListAssetTypeResolver implements AssetTypeResolver {
  constructor(private readonly lists: SymbolLists) {}

  async resolve(ticker: string, override?: AssetType): Promise<AssetType> {
    if (override) return override;
    const symbol = ticker.trim().toUpperCase();
    const crypto = await this.lists.symbols("crypto");
    if (!crypto.has(symbol)) return "equity";
    const equities = await this.lists.symbols("tickers");
    return equities.has(symbol) ? "equity" : "crypto";
  }
}

/**
 * The range a daily price must lie in to be believed. The dearest listed share (BRK.A) trades near 10^6 USD
 * and the cheapest coins near 10^-8; anything outside (0, 10^9] is a data error, not a market.
 */
export const MIN_PRICE = 1e-10;
export const MAX_PRICE = 1e9;

export const isSanePrice = (value: number): boolean =>
  Number.isFinite(value) && value >= MIN_PRICE && value <= MAX_PRICE;

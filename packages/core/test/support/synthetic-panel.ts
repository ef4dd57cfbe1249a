/** Seeded synthetic prices for the estimator tests: a market factor plus noise, fat-ish tails. */
import type { ReturnsPanel } from "../../src/covariance/returns-panel.js";

export function seededUniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `assets × days` returns (row-major) loading on a common factor, each asset with its own scale. */
export function factorReturns(assets: number, days: number, seed: number): ReturnsPanel {
  const next = seededUniforms(seed);
  const market = Array.from({ length: days }, () => next() - 0.5);
  const values = new Float64Array(assets * days);
  for (let i = 0; i < assets; i++) {
    const loading = 0.2 + next();
    const scale = 0.005 + 0.02 * next();
    const drift = 0.001 * (next() - 0.3);
    for (let t = 0; t < days; t++) {
      const noise = next() - 0.5;
      values[i * days + t] = drift + scale * (loading * market[t]! + noise * noise * noise * 4);
    }
  }
  return { assets, days, values };
}

/** Prices by ticker (from 100) whose simple returns are the given panel rows, on consecutive dates. */
export function pricesFromReturns(
  panel: ReturnsPanel,
  tickers: readonly string[],
): Record<string, { dates: string[]; close: number[] }> {
  const dates = Array.from({ length: panel.days + 1 }, (_, t) => isoDay(t));
  return Object.fromEntries(
    tickers.map((ticker, i) => {
      const close = [100];
      for (let t = 0; t < panel.days; t++) close.push(close[t]! * (1 + panel.values[i * panel.days + t]!));
      return [ticker, { dates, close }];
    }),
  );
}

/** Day t counted from 2020-01-01, as YYYY-MM-DD (calendar days; the estimators do not look at the calendar). */
export function isoDay(t: number): string {
  return new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
}

export const row = (panel: ReturnsPanel, i: number): number[] =>
  Array.from(panel.values.subarray(i * panel.days, (i + 1) * panel.days));

/** Largest |a − b| / max(|b|, floor) over two equally long arrays. */
export function maxRelativeGap(actual: ArrayLike<number>, expected: ArrayLike<number>, floor = 1e-300): number {
  let worst = 0;
  for (let k = 0; k < expected.length; k++) {
    worst = Math.max(worst, Math.abs(actual[k]! - expected[k]!) / Math.max(Math.abs(expected[k]!), floor));
  }
  return worst;
}

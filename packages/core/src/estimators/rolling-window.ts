import { ScrillaError } from "../errors.js";
import { assertSample } from "./sample-checks.js";

export interface WindowMoments {
  mean: number;
  variance: number;
}

/**
 * Slides a window of fixed size n by one observation (§2.2): `lost` leaves, `added` enters.
 * O(1) update of the mean and the n − 1 variance; recompute from scratch now and then in long loops.
 */
export function rollWindow(previous: WindowMoments, size: number, lost: number, added: number): WindowMoments {
  if (!Number.isInteger(size) || size < 2) {
    throw new ScrillaError("SAMPLE_TOO_SMALL", `a rolling window needs at least 2 observations, got ${size}`);
  }
  const mean = previous.mean + (added - lost) / size;
  const variance =
    previous.variance +
    (size / (size - 1)) * ((added * added - lost * lost) / size + previous.mean * previous.mean - mean * mean);
  return { mean, variance };
}

/**
 * Sum of squared deviations built one observation at a time (§2.2):
 * RSS(x₁..ₙ) = RSS(x₁..ₙ₋₁) + (n·xₙ − Σx)² / (n(n − 1)); RSS/(n − 1) is the sample variance.
 */
export function recursiveSumOfSquares(x: ArrayLike<number>): number {
  assertSample(x, 1);
  let rss = 0;
  let sum = x[0]!;
  for (let n = 2; n <= x.length; n++) {
    const latest = x[n - 1]!;
    sum += latest;
    rss += (n * latest - sum) ** 2 / (n * (n - 1));
  }
  return rss;
}

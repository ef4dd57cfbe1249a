import { ScrillaError } from "../errors.js";

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

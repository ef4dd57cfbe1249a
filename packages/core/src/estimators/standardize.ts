import { ScrillaError } from "../errors.js";
import { centredSumOfSquares, isConstant, meanOf } from "./moments.js";
import { assertSample } from "./sample-checks.js";

/** (x_i − mean)/sd with the n − 1 standard deviation (§2.9); a new array. */
export function standardize(x: ArrayLike<number>): Float64Array {
  assertSample(x, 2);
  const mean = meanOf(x);
  const sd = Math.sqrt(centredSumOfSquares(x, mean) / (x.length - 1));
  if (sd === 0 || isConstant(x))
    throw new ScrillaError("INVALID_INPUT", "cannot standardise a constant sample (zero variance)");
  return Float64Array.from(x, (value) => (value - mean) / sd);
}

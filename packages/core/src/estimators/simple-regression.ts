import { ScrillaError } from "../errors.js";
import { meanOf } from "./moments.js";
import { assertSameLength, assertSample } from "./sample-checks.js";

/** Least-squares line y ≈ alpha + beta·x. */
export interface Regression {
  alpha: number;
  beta: number;
}

/** Ordinary least squares of y on x (§2.5): beta = cov(x, y)/var(x), alpha = ȳ − beta·x̄; needs ≥ 3 pairs. */
export function simpleRegression(x: ArrayLike<number>, y: ArrayLike<number>): Regression {
  assertSameLength(x, y);
  assertSample(x, 3, "regressor");
  assertSample(y, 3, "response");
  const mx = meanOf(x);
  const my = meanOf(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    sxy += dx * (y[i]! - my);
    sxx += dx * dx;
  }
  if (sxx === 0) {
    throw new ScrillaError("INVALID_INPUT", "regression needs a regressor that varies; x is constant");
  }
  const beta = sxy / sxx;
  return { alpha: my - beta * mx, beta };
}

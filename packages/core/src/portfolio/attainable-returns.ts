import { invalidInput, ScrillaError } from "../errors.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { extremeReturnWeights, type WeightBounds, type WeightBoundsInput, weightBounds } from "./weight-bounds.js";

/** The lowest and highest annual return any fully invested portfolio within the bounds can have. */
export interface ReturnRange {
  minimum: number;
  maximum: number;
}

export function attainableReturnRange(model: PortfolioModel, bounds?: WeightBoundsInput): ReturnRange {
  return returnRangeWithin(model, weightBounds(model.size, bounds));
}

export function returnRangeWithin(model: PortfolioModel, checked: WeightBounds): ReturnRange {
  const value = (weights: Float64Array) => weights.reduce((sum, w, i) => sum + w * model.annualReturns[i]!, 0);
  return {
    minimum: value(extremeReturnWeights(model.annualReturns, checked, "min")),
    maximum: value(extremeReturnWeights(model.annualReturns, checked, "max")),
  };
}

/**
 * The target if some portfolio attains it (snapped into the range when outside only by rounding),
 * else `INFEASIBLE` with the attainable range in the message and details.
 */
export function attainableTarget(target: number, range: ReturnRange): number {
  if (typeof target !== "number" || !Number.isFinite(target)) {
    throw invalidInput(`Target return ${JSON.stringify(target)} is not a finite number; pass a decimal such as 0.12.`, {
      targetReturn: target,
    });
  }
  const tolerance = 1e-12 * (1 + Math.abs(range.minimum) + Math.abs(range.maximum));
  if (!Number.isFinite(target) || target < range.minimum - tolerance || target > range.maximum + tolerance) {
    throw new ScrillaError(
      "INFEASIBLE",
      `Target return ${target} is not attainable: fully invested portfolios within the bounds return between ${range.minimum} and ${range.maximum}; choose a target in that range.`,
      { targetReturn: target, minimumReturn: range.minimum, maximumReturn: range.maximum },
    );
  }
  return Math.min(Math.max(target, range.minimum), range.maximum);
}

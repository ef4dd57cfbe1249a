import { ScenarioProgram } from "../scenario/scenario-program.js";
import { solveLinearProgram } from "../solver/highs-solver.js";
import type { PortfolioConstraints } from "./portfolio-constraints.js";

/**
 * max μᵀw over the constrained weights (bounds, budget, rows, leverage and turnover caps), an LP solved by
 * HiGHS. Returns the optimal value and weights; solver errors (INFEASIBLE, NOT_CONVERGED when unbounded)
 * pass through for the caller to word.
 */
export async function maximumAttainableReturn(
  constraints: PortfolioConstraints,
  expectedReturns: ArrayLike<number>,
): Promise<{ value: number; weights: Float64Array }> {
  const n = constraints.size;
  const lp = new ScenarioProgram(constraints).build();
  for (let i = 0; i < n; i++) lp.cost[i] = -expectedReturns[i]!;
  const solution = await solveLinearProgram(lp);
  const weights = solution.x.slice(0, n);
  let value = 0;
  for (let i = 0; i < n; i++) value += expectedReturns[i]! * weights[i]!;
  return { value, weights };
}

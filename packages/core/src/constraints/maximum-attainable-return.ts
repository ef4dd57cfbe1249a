import { ScenarioProgram } from "../scenario/scenario-program.js";
import { solveLinearProgram } from "../solver/highs-solver.js";
import type { PortfolioConstraints } from "./portfolio-constraints.js";

/**
 * max μᵀw over the constrained weights (bounds, budget, rows, leverage and turnover caps), an LP solved by
 * HiGHS. Solver errors (INFEASIBLE, NOT_CONVERGED when unbounded) pass through for the caller to word.
 */
export async function maximumAttainableReturn(
  constraints: PortfolioConstraints,
  expectedReturns: ArrayLike<number>,
): Promise<number> {
  const n = constraints.size;
  const lp = new ScenarioProgram(constraints).build();
  for (let i = 0; i < n; i++) lp.cost[i] = -expectedReturns[i]!;
  const { x } = await solveLinearProgram(lp);
  let value = 0;
  for (let i = 0; i < n; i++) value += expectedReturns[i]! * x[i]!;
  return value;
}

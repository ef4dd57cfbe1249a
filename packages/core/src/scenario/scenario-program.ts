import type { PortfolioConstraints } from "../constraints/portfolio-constraints.js";
import type { TransactionCosts } from "../constraints/transaction-costs.js";
import { ScrillaError } from "../errors.js";
import { type LinearProgram, RowBuilder, type SparseRows } from "../solver/linear-program.js";

/**
 * A scenario LP/QP under construction: the weights are columns 0 … n − 1, further columns (tail variables,
 * L1 auxiliaries) are appended. The portfolio constraints are written as rows once, here.
 */
export class ScenarioProgram {
  readonly rows = new RowBuilder();
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  /** Row index → constraint name, for INFEASIBLE messages. */
  readonly rowNames: string[] = [];

  constructor(readonly constraints: PortfolioConstraints) {
    const n = constraints.size;
    for (let i = 0; i < n; i++) this.addColumn(0, constraints.lower[i]!, constraints.upper[i]!);
    const all = Array.from({ length: n }, (_, i) => i);
    this.addRow("budget", all, new Float64Array(n).fill(1), constraints.budget, constraints.budget);
    for (const row of constraints.rows) {
      this.addRow(row.name, all, row.normal, row.sense === "eq" ? row.bound : -Infinity, row.bound);
    }
    if (constraints.leverage !== undefined) this.addL1Cap("leverage", new Float64Array(n), constraints.leverage);
    if (constraints.turnover) this.addL1Cap("turnover", constraints.turnover.current, constraints.turnover.max);
  }

  get columns(): number {
    return this.cost.length;
  }

  /** Appends a column and returns its index. */
  addColumn(cost: number, lower: number, upper: number): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    return this.cost.length - 1;
  }

  addRow(name: string, columns: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): void {
    this.rows.add(columns, values, lower, upper);
    this.rowNames.push(name);
  }

  /** Σ|wᵢ − centreᵢ| ≤ cap through aᵢ ≥ ±(wᵢ − centreᵢ), Σaᵢ ≤ cap. */
  private addL1Cap(name: string, centre: Float64Array, cap: number): void {
    const auxiliaries = this.addAbsoluteDeviations(name, centre, new Float64Array(centre.length));
    this.addRow(name, auxiliaries, new Float64Array(centre.length).fill(1), -Infinity, cap);
  }

  /** Charges Σcᵢ|wᵢ − w⁰ᵢ| in the objective (exact: at the optimum aᵢ = |wᵢ − w⁰ᵢ| wherever cᵢ > 0). */
  addTransactionCosts(costs: TransactionCosts): void {
    this.addAbsoluteDeviations("transaction cost", costs.current, costs.rates);
  }

  /** Columns aᵢ ≥ ±(wᵢ − centreᵢ) with objective cost costᵢ·aᵢ; returns their indices. */
  private addAbsoluteDeviations(name: string, centre: Float64Array, cost: Float64Array): number[] {
    const auxiliaries: number[] = [];
    for (let i = 0; i < centre.length; i++) {
      const a = this.addColumn(cost[i]!, 0, Infinity);
      auxiliaries.push(a);
      this.addRow(`${name} (asset ${i})`, [a, i], [1, -1], -centre[i]!, Infinity);
      this.addRow(`${name} (asset ${i})`, [a, i], [1, 1], centre[i]!, Infinity);
    }
    return auxiliaries;
  }

  build(hessian?: SparseRows): LinearProgram {
    return {
      columns: this.columns,
      cost: Float64Array.from(this.cost),
      columnLower: Float64Array.from(this.lower),
      columnUpper: Float64Array.from(this.upper),
      ...this.rows.build(),
      ...(hessian && { hessian }),
    };
  }
}

/** Re-labels a solver INFEASIBLE as one about the portfolio constraints (and target, when given). */
export function infeasibleScenarioProblem(error: unknown, targetReturn: number | undefined): never {
  if (error instanceof ScrillaError && error.code === "INFEASIBLE") {
    throw new ScrillaError(
      "INFEASIBLE",
      targetReturn === undefined
        ? "The constraints admit no portfolio; relax the bounds, group limits or caps."
        : `No portfolio within the constraints reaches the target return ${targetReturn}; lower the target or relax the constraints.`,
      { targetReturn },
    );
  }
  throw error;
}

/** The programme with the portfolio constraints and the return floor μᵀw ≥ target, before the risk terms. */
export function baseProgram(
  constraints: PortfolioConstraints,
  expectedReturns: Float64Array,
  targetReturn: number | undefined,
  costs?: TransactionCosts,
): ScenarioProgram {
  const program = new ScenarioProgram(constraints);
  if (costs) program.addTransactionCosts(costs);
  if (targetReturn !== undefined) {
    const n = constraints.size;
    program.addRow(
      "target return",
      Array.from({ length: n }, (_, i) => i),
      expectedReturns,
      targetReturn,
      Infinity,
    );
  }
  return program;
}

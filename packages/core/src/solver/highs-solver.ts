import type { Highs } from "highs";
import { invalidInput, ScrillaError } from "../errors.js";
import type { LinearProgram, LinearProgramSolution } from "./linear-program.js";

type Loader = () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/**
 * The HiGHS WebAssembly runtime, instantiated once per process on first use. Imported then too: its
 * JavaScript alone (~420 KiB) would cost every command's start-up, and most never solve an LP.
 */
function highs(): Promise<Highs> {
  // The package's types describe CommonJS; under ESM its namespace's `default` is the loader itself.
  runtime ??= import("highs").then((highsPackage) => (highsPackage as unknown as { default: Loader }).default());
  return runtime;
}

const TOLERANCES = {
  output_flag: false,
  // A guard, not a budget: HiGHS' QP can cycle on degenerate input; stop and report NOT_CONVERGED.
  time_limit: 60,
  primal_feasibility_tolerance: 1e-10,
  dual_feasibility_tolerance: 1e-10,
} as const;

/**
 * Solves an LP (or convex QP) with HiGHS (Huangfu & Hall, Math. Prog. Comp. 10, 2018). The only module of
 * core that knows HiGHS' API. `INFEASIBLE` when no point satisfies the constraints; `NOT_CONVERGED` on any
 * other non-optimal end (unbounded, limits).
 */
export async function solveLinearProgram(problem: LinearProgram): Promise<LinearProgramSolution> {
  const solver = await highs();
  const numRows = problem.rowLower.length;
  const data = {
    numCols: problem.columns,
    numRows,
    colCost: problem.cost,
    colLower: problem.columnLower,
    colUpper: problem.columnUpper,
    rowLower: problem.rowLower,
    rowUpper: problem.rowUpper,
    matrix: {
      format: "csr" as const,
      numRows,
      numCols: problem.columns,
      starts: problem.rows.starts,
      indices: problem.rows.indices,
      values: problem.rows.values,
    },
    ...(problem.hessian && {
      hessian: {
        format: "triangular" as const,
        dimension: problem.columns,
        starts: problem.hessian.starts,
        indices: problem.hessian.indices,
        values: problem.hessian.values,
      },
    }),
  };
  return solver.withModel(data, (model) => {
    model.options.set(TOLERANCES);
    if (problem.presolve === false) model.options.set({ presolve: "off" });
    try {
      model.run();
    } catch {
      // HiGHS refuses a few near-degenerate inputs at tight tolerances; its defaults (1e-7) then solve them.
      model.options.set({ primal_feasibility_tolerance: 1e-7, dual_feasibility_tolerance: 1e-7 });
      model.run();
    }
    const status = model.getModelStatus();
    const codes = solver.constants.modelStatus;
    if (status === codes.infeasible) {
      throw new ScrillaError(
        "INFEASIBLE",
        "The constraints admit no portfolio (they contradict each other); relax the bounds, caps or target.",
      );
    }
    if (status === codes.modelError) throw invalidInput("The optimisation problem is malformed (HiGHS model error).");
    if (status !== codes.optimal) {
      throw new ScrillaError("NOT_CONVERGED", `The LP solver stopped without an optimum (HiGHS status ${status}).`, {
        status,
      });
    }
    const solution = model.getSolution();
    return {
      x: Float64Array.from(solution.colValue),
      rowActivity: Float64Array.from(solution.rowValue),
      rowDuals: Float64Array.from(solution.rowDual),
      columnDuals: Float64Array.from(solution.colDual),
      objective: model.getObjectiveValue(),
    };
  });
}

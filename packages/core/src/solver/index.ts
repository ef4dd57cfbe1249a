export { solveLinearProgram } from "./highs-solver.js";
export { type LinearProgram, type LinearProgramSolution, RowBuilder, type SparseRows } from "./linear-program.js";

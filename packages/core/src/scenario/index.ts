export { type ScenarioInput, type ScenarioMatrix, scenarioMatrix, scenarioMeans } from "./scenario-matrix.js";
export {
  minimumScenarioRisk,
  SCENARIO_RISK_MEASURES,
  type ScenarioFrontierOptions,
  type ScenarioOptimiserOptions,
  type ScenarioPortfolio,
  type ScenarioRiskMeasure,
  scenarioEfficientFrontier,
} from "./scenario-optimisers.js";
export {
  conditionalDrawdownAtRisk,
  drawdowns,
  historicalConditionalValueAtRisk,
  semivariance,
} from "./tail-measures.js";

export { type HierarchicalRiskParityPortfolio, hierarchicalRiskParity } from "./hierarchical-risk-parity.js";

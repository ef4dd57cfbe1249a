import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import { nestedRecords } from "./result-shapes.js";

/** The horizon and tail of a VaR/CVaR request. */
export interface RiskHorizonView {
  probability: number;
  expiry: number;
}

/**
 * Spot price, VaR and CVaR of each asset (the var and cvar results) as grouped bars: the price levels that
 * the asset stays above with probability 1 − p at the horizon, and the mean price below that level.
 */
export function riskMeasuresChart(varResult: unknown, cvarResult: unknown, horizon: RiskHorizonView): TopLevelSpec {
  const vars = nestedRecords(varResult);
  const cvars = nestedRecords(cvarResult);
  const measures = ["spot price", "value at risk", "conditional value at risk"];
  const values = Object.entries(vars).flatMap(([ticker, row]) => [
    { ticker, measure: measures[0], price: row.spot_price },
    { ticker, measure: measures[1], price: row.value_at_risk },
    { ticker, measure: measures[2], price: cvars[ticker]?.conditional_value_at_risk },
  ]);
  const tail = `${+(horizon.probability * 100).toPrecision(6)}%`;
  return frame(`Value at risk and CVaR (${tail} tail, ${horizon.expiry} years)`, {
    data: { values: values.filter((value) => typeof value.price === "number") },
    mark: "bar",
    encoding: {
      x: { field: "ticker", type: "nominal", title: "Asset" },
      xOffset: { field: "measure", type: "nominal", sort: measures },
      y: { field: "price", type: "quantitative", title: "Price per share (USD)" },
      color: { field: "measure", type: "nominal", title: "Measure", sort: measures },
      tooltip: [
        { field: "ticker", type: "nominal" },
        { field: "measure", type: "nominal" },
        { field: "price", type: "quantitative", format: ",.2f" },
      ],
    },
  });
}

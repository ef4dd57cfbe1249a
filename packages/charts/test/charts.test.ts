import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import {
  allocationChart,
  correlationMatrixChart,
  densityHistogram,
  efficientFrontierChart,
  MATURITY_YEARS,
  movingAveragesChart,
  riskMeasuresChart,
  riskProfileChart,
  themed,
  yieldCurveChart,
} from "../src/index.js";

type Json = Record<string, unknown>;
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
const dataOf = (spec: unknown): Json[] => get(spec, "data", "values") as Json[];
/** Every axis and legend title and text of the spec, as one string. */
const texts = (spec: unknown): string => JSON.stringify(spec);

describe("chart specs", () => {
  it("place the yield curve's maturities at their years, so the x spacing is true", () => {
    const spec = yieldCurveChart({
      date: "2021-11-18",
      curve: { ONE_MONTH: 0.0005, TEN_YEAR: 0.0159, THIRTY_YEAR: 0.0196 },
    });
    const points = dataOf(spec);
    expect(points.map((p) => p.years)).toEqual([1 / 12, 10, 30]);
    expect(get(spec, "encoding", "x", "type")).toBe("quantitative");
    expect(get(spec, "encoding", "x", "title")).toBe("Maturity (years)");
    // Each maturity name's number of months / years, read from the name itself.
    const words: Record<string, number> = {
      ONE: 1,
      TWO: 2,
      THREE: 3,
      FIVE: 5,
      SIX: 6,
      SEVEN: 7,
      TEN: 10,
      TWENTY: 20,
      THIRTY: 30,
    };
    for (const [name, years] of Object.entries(MATURITY_YEARS)) {
      const [count, unit] = name.split("_") as [string, string];
      expect(years).toBeCloseTo(words[count]! / (unit === "MONTH" ? 12 : 1), 12);
    }
  });

  it("order moving-average legends by period, not by text (MA_20 before MA_100), with an uncut title", () => {
    const spec = movingAveragesChart("SPY", {
      SPY: {
        "2021-10-01": { MA_100: 0.1, MA_20: -0.5, MA_60: 0.03 },
        "2021-10-04": { MA_100: 0.2, MA_20: -0.6, MA_60: 0 },
      },
    });
    expect(get(spec, "encoding", "color", "sort")).toEqual(["MA_20", "MA_60", "MA_100"]);
    const titleLimit = get(spec, "config", "legend", "titleLimit") as number;
    // 7 px per character is generous for a 12 px legend title font.
    expect(titleLimit).toBeGreaterThan(7 * String(get(spec, "encoding", "color", "title")).length);
  });

  it("write dark heat-map cells' labels in white and light ones in black", () => {
    const spec = correlationMatrixChart(
      ["A", "B"],
      {
        correlation_matrix: [
          [1, 0.2],
          [0.2, 1],
        ],
      },
      { method: "moments" },
    );
    const textColour = get(spec, "layer", 1, "encoding", "color") as {
      condition: { test: string; value: string };
      value: string;
    };
    const colourOf = (correlation: number) =>
      // The condition's test is a Vega expression on datum; evaluate it the way Vega would for this datum.
      new Function("datum", `return ${textColour.condition.test.replace("abs(", "Math.abs(")}`)({ correlation })
        ? textColour.condition.value
        : textColour.value;
    expect(colourOf(1)).toBe("white");
    expect(colourOf(-0.9)).toBe("white");
    expect(colourOf(0.2)).toBe("black");
  });

  it("never say (%) in a title whose ticks already carry %", () => {
    const specs = [
      riskProfileChart({ A: { annual_return: 0.1, annual_volatility: 0.2 } }, { method: "moments" }),
      efficientFrontierChart(["A"], [{ portfolio_return: 0.1, portfolio_volatility: 0.2 }]),
      movingAveragesChart("A", { A: { "2021-10-01": { MA_20: 0.1 } } }),
      yieldCurveChart({ TEN_YEAR: 0.0159 }),
    ];
    for (const spec of specs) {
      expect(texts(spec)).toMatch(/"format":"\.\d%"/);
      expect(texts(spec)).not.toContain("(%)");
    }
  });

  it("mark the optimal portfolios on the frontier in their own layer", () => {
    const spec = efficientFrontierChart(
      ["A", "B"],
      [
        { portfolio_return: 0.1, portfolio_volatility: 0.2 },
        { portfolio_return: 0.2, portfolio_volatility: 0.3 },
      ],
      [{ label: "minimum variance", portfolio_return: 0.1, portfolio_volatility: 0.2 }],
    );
    expect(dataOf(get(spec, "layer", 0))).toHaveLength(2);
    expect(dataOf(get(spec, "layer", 1))).toEqual([{ volatility: 0.2, return: 0.1, series: "minimum variance" }]);
  });

  it("lay out weights and risk measures per asset", () => {
    const weights = allocationChart([
      {
        label: "min variance",
        holdings: [
          { ticker: "A", allocation: 0.25 },
          { ticker: "B", allocation: 0.75 },
        ],
      },
    ]);
    expect(dataOf(weights).map((row) => row.weight)).toEqual([0.25, 0.75]);
    const risk = riskMeasuresChart(
      { A: { value_at_risk: 90, spot_price: 100 } },
      { A: { conditional_value_at_risk: 85 } },
      { probability: 0.05, expiry: 0.5 },
    );
    expect(dataOf(risk).map((row) => row.price)).toEqual([100, 90, 85]);
    expect(texts(risk)).toContain("5% tail, 0.5 years");
  });

  it("compile to Vega without warnings, light and dark", () => {
    const warnings: string[] = [];
    const record = (...message: unknown[]) => {
      warnings.push(message.join(" "));
      return logger;
    };
    const logger: Record<string, unknown> = { warn: record, error: record, info: () => logger, debug: () => logger };
    logger.level = () => logger;
    for (const theme of ["light", "dark"] as const) {
      const spec = themed(
        riskProfileChart({ A: { annual_return: 0.1, annual_volatility: 0.2 } }, { method: "moments" }),
        theme,
      );
      const vega = compile(spec, { logger: logger as never }).spec;
      expect(vega.background).toBe(theme === "light" ? "white" : "#16181d");
    }
    expect(warnings).toEqual([]);
  });

  it("bins a histogram whose bars integrate to 1", () => {
    const values = Array.from({ length: 101 }, (_, i) => Math.sin(i) / 100);
    const bins = densityHistogram(values, 20);
    const area = bins.reduce((sum, bin) => sum + bin.density * (bin.end - bin.start), 0);
    expect(area).toBeCloseTo(1, 12);
  });
});

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderSections } from "../src/output/render-table.js";
import { toCsv } from "../src/output/save-result.js";
import { tabulate } from "../src/output/tabulate.js";

// Not a terminal, so no colour codes in the text.
const plain = new PassThrough();

describe("tabulate + render", () => {
  it("risk-profile: one row per ticker, returns and volatilities as percentages", () => {
    const result = {
      ALLY: {
        annual_return: -0.1286093252626298,
        annual_volatility: 0.31738145569380244,
        asset_beta: 1.2295842121977378,
      },
    };
    const text = renderSections(tabulate("risk-profile", result, ["ALLY"]), plain);
    expect(text).toMatch(/ALLY\s+-12\.861%\s+31\.738%\s+1\.2296/);
  });

  it("correlation: lower-triangular percentage table labelled by the symbols", () => {
    const result = {
      correlation_matrix: [
        [1, 0.210174607610038],
        [0.210174607610038, 1],
      ],
    };
    const [section] = tabulate("correlation", result, ["ALLY", "BX"]);
    expect(section?.columns).toEqual(["", "ALLY", "BX"]);
    expect(section?.rows).toEqual([
      ["ALLY", 1, null],
      ["BX", 0.210174607610038, 1],
    ]);
    expect(renderSections(tabulate("correlation", result, ["ALLY", "BX"]), plain)).toContain("21.017%");
  });

  it("prices: {ticker: {date: close}} becomes one row per date and one column per ticker", () => {
    const result = { SPY: { "2021-11-18": 469.73, "2021-11-19": 468.89 }, GLD: { "2021-11-19": 174.6 } };
    const [section] = tabulate("prices", result, ["SPY", "GLD"]);
    expect(section?.columns).toEqual(["date", "SPY", "GLD"]);
    expect(section?.rows).toEqual([
      ["2021-11-18", 469.73, null],
      ["2021-11-19", 468.89, 174.6],
    ]);
    expect(toCsv(tabulate("prices", result, ["SPY", "GLD"]))).toBe(
      "date,SPY,GLD\n2021-11-18,469.73,\n2021-11-19,468.89,174.6\n",
    );
  });

  it("allocation: holdings table then the portfolio statistics, money to the cent", () => {
    const result = {
      holdings: { ALLY: 0.0789474, BX: 0, SPY: 0.9210526 },
      shares: { ALLY: 47, BX: 0, SPY: 12 },
      portfolio_return: 0.0815791,
      portfolio_volatility: 0.1192079,
      total: 9699.39,
    };
    const text = renderSections(tabulate("optimize-portfolio", result, ["ALLY", "BX", "SPY"]), plain);
    expect(text).toMatch(/ALLY\s+7\.8947%\s+47/);
    expect(text).toMatch(/portfolio_volatility\s+11\.921%/);
    expect(text).toMatch(/total\s+\$9,699\.39/);
  });

  it("efficient frontier: one row per point", () => {
    const result = [
      { holdings: { A: 1, B: 0 }, portfolio_return: 0.08, portfolio_volatility: 0.12 },
      { holdings: { A: 0, B: 1 }, portfolio_return: 0.15, portfolio_volatility: 0.3 },
    ];
    const [section] = tabulate("efficient-frontier", result, ["A", "B"]);
    expect(section?.columns).toEqual(["point", "A", "B", "portfolio_return", "portfolio_volatility"]);
    expect(section?.rows[1]).toEqual([2, 0, 1, 0.15, 0.3]);
  });

  it("yield curve {date, curve}: the date as a field, then the curve in percent", () => {
    const text = renderSections(
      tabulate("yield-curve", { date: "2021-11-19", curve: { ONE_YEAR: 0.0018, TEN_YEAR: 0.0159 } }, []),
      plain,
    );
    expect(text).toMatch(/date\s+2021-11-19/);
    expect(text).toMatch(/TEN_YEAR\s+1\.59%/);
  });
});

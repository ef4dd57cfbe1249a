import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";

const DAY_MS = 86_400_000;

/** What the dividends chart shows: the payments, the fitted linear growth and the model's value. */
export interface DividendModelView {
  ticker: string;
  payments: readonly { date: string; amount: number }[];
  /** dividend ≈ alpha + beta · (years since the first payment). */
  regression: { alpha: number; beta: number };
  /** Absent when the caller does not know it (the engine's default: the CAPM cost of equity). */
  discount_rate?: number | undefined;
  discount_dividend: number;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumSignificantDigits: 5 });

const discounted = (rate: number | undefined) =>
  rate === undefined ? "at the CAPM cost of equity" : `at ${percent.format(rate)} discount`;

/** Payments and the fitted linear growth (§6.2); the title shows the DDM value. */
export function dividendsChart(model: DividendModelView): TopLevelSpec {
  const payments = [...model.payments].sort((a, b) => a.date.localeCompare(b.date));
  const first = payments[0]?.date ?? "";
  const last = payments.at(-1)?.date ?? first;
  // Regression time axis: years since the first payment (t = days / 365).
  const years = (date: string) => (Date.parse(date) - Date.parse(first)) / DAY_MS / 365;
  const fit = (date: string) => model.regression.alpha + model.regression.beta * years(date);
  const values = [
    ...payments.map((payment) => ({ date: payment.date, amount: payment.amount, series: "payment" })),
    ...[first, last].map((date) => ({ date, amount: fit(date), series: "linear growth fit" })),
  ];
  return frame(
    [
      `${model.ticker} dividends`,
      `DDM value ${money.format(model.discount_dividend)} ${discounted(model.discount_rate)}`,
    ],
    {
      data: { values },
      encoding: {
        x: { field: "date", type: "temporal", title: "Payment date", axis: { format: "%b %Y" } },
        y: { field: "amount", type: "quantitative", title: "Dividend per share (USD)" },
        color: { field: "series", type: "nominal", title: "Series" },
      },
      layer: [
        { transform: [{ filter: "datum.series === 'payment'" }], mark: { type: "point", filled: true, size: 60 } },
        { transform: [{ filter: "datum.series !== 'payment'" }], mark: { type: "line", strokeWidth: 2 } },
      ],
    },
  );
}

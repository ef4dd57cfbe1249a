import { dividendsChart } from "@scrilla/charts";
import { fitDividendGrowth } from "@scrilla/core";
import { Chart } from "../chart.js";
import { NumberField } from "../number-field.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

/** The first ticker's dividends, their linear growth fit (computed here) and the discount dividend model value. */
export function DdmView({ state, update }: ViewProps) {
  const ticker = state.tickers[0]!;
  const options = { ...windowOptions(state), discount: state.discount };
  const load = useLoad(keyOf("ddm", ticker, options), async (fetch) => {
    const [dividends, model] = await Promise.all([
      fetch("dividends", [ticker], {}),
      // "ddm" is the deployed function's name; scrilla serve takes aliases too.
      fetch("ddm", [ticker], options),
    ]);
    return { dividends, model };
  });
  const controls = (
    <fieldset class="controls">
      <legend>Discount</legend>
      <NumberField
        label="Discount rate (empty: CAPM cost of equity)"
        min={0}
        step={0.01}
        value={state.discount}
        onChange={(discount) => update({ discount })}
      />
    </fieldset>
  );
  if (load.status === "loading") return [controls, <Loading key="loading" done={load.done} total={load.total} />];
  if (load.status === "error") return [controls, <ErrorPanel key="error" error={load.error!} />];
  const history = (load.data!.dividends as Record<string, Record<string, number>>)[ticker] ?? {};
  const payments = Object.entries(history)
    .map(([date, amount]) => ({ date, amount }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const value = (load.data!.model as Record<string, { discount_dividend: number }>)[ticker]!.discount_dividend;
  // α and β do not depend on "today"; the last payment's date stands in for it.
  const growth = fitDividendGrowth(payments, payments.at(-1)!.date);
  return (
    <>
      {controls}
      <Chart
        spec={dividendsChart({
          ticker,
          payments,
          regression: { alpha: growth.alpha, beta: growth.beta },
          discount_rate: state.discount,
          discount_dividend: value,
        })}
        description={`Dividends of ${ticker} with the fitted growth`}
      />
      <NumberTable
        testId="numbers"
        caption="Discount dividend model"
        columns={[
          { field: "discount_dividend", title: "Model price per share", format: "money" },
          { field: "beta", title: "Dividend growth per year", format: "money" },
        ]}
        rows={[{ key: ticker, values: { discount_dividend: value, beta: growth.beta } }]}
      />
    </>
  );
}

import { allocationChart, efficientFrontierChart, type MarkedPortfolio } from "@scrilla/charts";
import type { AllocationOutput } from "@scrilla/core";
import { useMemo } from "preact/hooks";
import { Chart } from "../chart.js";
import { formats } from "../format.js";
import { NumberTable } from "../number-table.js";
import { frontierInputs, optimiseForTarget } from "../optimiser.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

interface FrontierData {
  frontier: AllocationOutput[];
  minimumVariance: AllocationOutput;
  maximumSharpe: AllocationOutput & { sharpe_ratio?: number };
  profiles: unknown;
  correlation: unknown;
}

const SLIDER_STEPS = 200;

/**
 * The efficient frontier with the minimum-variance and maximum-Sharpe portfolios marked, and a target-return
 * slider whose portfolio is re-optimised here, with @scrilla/core, without a request.
 */
export function FrontierView({ state, update }: ViewProps) {
  const options = windowOptions(state);
  const load = useLoad(keyOf("frontier", state.tickers, options), async (fetch): Promise<FrontierData> => {
    const [frontier, minimumVariance, maximumSharpe, profiles, correlation] = await Promise.all([
      fetch("efficient-frontier", state.tickers, options),
      fetch("optimize-portfolio", state.tickers, options),
      fetch("optimize-portfolio", state.tickers, { ...options, sharpe: true }),
      fetch("risk-profile", state.tickers, options),
      fetch("correlation", state.tickers, options),
    ]);
    return { frontier, minimumVariance, maximumSharpe, profiles, correlation } as FrontierData;
  });
  const inputs = useMemo(
    () => (load.data ? frontierInputs(state.tickers, load.data.profiles, load.data.correlation) : undefined),
    [load.data],
  );
  if (load.status === "loading") return <Loading done={load.done} total={load.total} />;
  if (load.status === "error") return <ErrorPanel error={load.error!} />;
  const data = load.data!;
  const low = data.minimumVariance.portfolio_return;
  const high = inputs!.range.maximum;
  const target = Math.min(high, Math.max(low, state.target ?? low));
  const chosen = optimiseForTarget(inputs!, target);
  const marked: MarkedPortfolio[] = [
    { label: "minimum variance", ...data.minimumVariance },
    { label: "maximum Sharpe", ...data.maximumSharpe },
    { label: "your target", ...chosen },
  ];
  const portfolios = [
    { label: "minimum variance", ...data.minimumVariance },
    { label: "maximum Sharpe", ...data.maximumSharpe },
    { label: "your target", ...chosen },
  ];
  const step = (high - low) / SLIDER_STEPS;
  return (
    <>
      <Chart
        spec={efficientFrontierChart(state.tickers, data.frontier, marked)}
        description={`Efficient frontier of ${state.tickers.join(", ")} with the optimal portfolios`}
      />
      <fieldset class="controls">
        <legend>Target return (re-optimised in your browser)</legend>
        <label for="target-return">
          Target annual return: <output data-testid="target-value">{formats.percent(target)}</output>
        </label>
        <input
          id="target-return"
          data-testid="target-slider"
          type="range"
          min={low}
          max={high}
          step={step}
          value={target}
          aria-valuetext={formats.percent(target)}
          onInput={(event) => update({ target: Number(event.currentTarget.value) })}
        />
      </fieldset>
      <Chart spec={allocationChart(portfolios)} description="Weights of the marked portfolios" />
      <div class="tables">
        {portfolios.map((portfolio) => (
          <NumberTable
            key={portfolio.label}
            testId={`weights-${portfolio.label.replaceAll(" ", "-")}`}
            caption={`${portfolio.label}: return ${formats.percent(portfolio.portfolio_return)}, volatility ${formats.percent(portfolio.portfolio_volatility)}`}
            columns={[{ field: "allocation", title: "Weight", format: "percent" }]}
            rows={portfolio.holdings.map((holding) => ({ key: holding.ticker, values: { ...holding } }))}
          />
        ))}
      </div>
    </>
  );
}

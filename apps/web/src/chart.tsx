import { themed } from "@scrilla/charts";
import { useEffect, useRef, useState } from "preact/hooks";
import type { TopLevelSpec } from "vega-lite";
import { useTheme } from "./theme.js";

/** A live chart of a @scrilla/charts spec; `data-status` turns "rendered" once the SVG is drawn. */
export function Chart({ spec, description }: { spec: TopLevelSpec; description: string }) {
  const container = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const [status, setStatus] = useState<"rendering" | "rendered" | "failed">("rendering");
  const [failure, setFailure] = useState("");
  useEffect(() => {
    let cancelled = false;
    let view: { finalize(): void } | undefined;
    setStatus("rendering");
    import("./render-chart.js")
      .then(({ renderChart }) => renderChart(container.current!, themed(spec, theme), description))
      .then(
        (drawn) => {
          if (cancelled) drawn.finalize();
          else {
            view = drawn;
            setStatus("rendered");
          }
        },
        (error: unknown) => {
          if (cancelled) return;
          setFailure((error as Error).message);
          setStatus("failed");
        },
      );
    return () => {
      cancelled = true;
      view?.finalize();
    };
  }, [spec, theme, description]);
  return (
    <figure class="chart" data-testid="chart" data-status={status}>
      <div ref={container} class="chart-canvas" />
      {status === "rendering" && <p class="muted">Drawing the chart…</p>}
      {status === "failed" && <p role="alert">The chart could not be drawn: {failure}</p>}
    </figure>
  );
}

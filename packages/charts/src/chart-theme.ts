import type { TopLevelSpec } from "vega-lite";

export type ChartTheme = "light" | "dark";

const DARK = { background: "#16181d", text: "#e6e6e6", grid: "#3a3f4b", domain: "#8a8f98" };

/** The spec with the colours of the theme; "light" returns it unchanged (the CLI's look). */
export function themed(spec: TopLevelSpec, theme: ChartTheme): TopLevelSpec {
  if (theme === "light") return spec;
  const config = (spec as { config?: Record<string, unknown> }).config ?? {};
  const axis = (config.axis as Record<string, unknown> | undefined) ?? {};
  const legend = (config.legend as Record<string, unknown> | undefined) ?? {};
  return {
    ...spec,
    background: DARK.background,
    config: {
      ...config,
      title: { color: DARK.text },
      view: { stroke: DARK.grid },
      axis: {
        ...axis,
        labelColor: DARK.text,
        titleColor: DARK.text,
        gridColor: DARK.grid,
        domainColor: DARK.domain,
        tickColor: DARK.domain,
      },
      legend: { ...legend, labelColor: DARK.text, titleColor: DARK.text },
      text: { color: DARK.text },
    },
  } as TopLevelSpec;
}

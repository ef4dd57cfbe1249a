import type { ChartTheme } from "@scrilla/charts";
import { useEffect, useState } from "preact/hooks";
import { applyTheme, initialTheme, ThemeContext } from "./theme.js";
import { TickerForm } from "./ticker-form.js";
import { readViewState, VIEWS, type ViewName, type ViewState, writeViewState } from "./view-state.js";
import { AveragesView } from "./views/averages-view.js";
import { CorrelationView } from "./views/correlation-view.js";
import { DdmView } from "./views/ddm-view.js";
import { FrontierView } from "./views/frontier-view.js";
import { RiskView } from "./views/risk-view.js";
import { VarView } from "./views/var-view.js";
import type { ViewProps } from "./views/view-props.js";
import { YieldView } from "./views/yield-view.js";

const VIEW_COMPONENTS: Record<ViewName, (props: ViewProps) => unknown> = {
  risk: RiskView,
  correlation: CorrelationView,
  frontier: FrontierView,
  averages: AveragesView,
  yield: YieldView,
  var: VarView,
  ddm: DdmView,
};

/** The dashboard: the request form, one tab per view, the active view; all of it encoded in the URL. */
export function App() {
  const [state, setState] = useState<ViewState>(() => readViewState(location.search));
  const [theme, setTheme] = useState<ChartTheme>(initialTheme);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    const url = writeViewState(state);
    if (url !== location.search) history.replaceState(null, "", url);
  }, [state]);
  useEffect(() => {
    const onPop = () => setState(readViewState(location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const update = (change: Partial<ViewState>) => setState((previous) => ({ ...previous, ...change }));
  const View = VIEW_COMPONENTS[state.view] as (props: ViewProps) => preact.JSX.Element;
  const title = VIEWS.find((view) => view.name === state.view)!.title;
  return (
    <ThemeContext.Provider value={theme}>
      <header class="top">
        <h1>scrilla</h1>
        <button
          type="button"
          class="theme-toggle"
          aria-pressed={theme === "dark"}
          onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
        >
          {theme === "dark" ? "Light theme" : "Dark theme"}
        </button>
      </header>
      <TickerForm state={state} onSubmit={(change) => update({ ...change, target: undefined })} />
      <nav aria-label="Views" class="tabs">
        {VIEWS.map((view) => (
          <a
            key={view.name}
            href={writeViewState({ ...state, view: view.name })}
            aria-current={view.name === state.view ? "page" : undefined}
            onClick={(event) => {
              event.preventDefault();
              update({ view: view.name });
            }}
          >
            {view.title}
          </a>
        ))}
      </nav>
      <main>
        <h2>{title}</h2>
        <View key={state.view} state={state} update={update} />
      </main>
    </ThemeContext.Provider>
  );
}

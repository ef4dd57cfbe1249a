import { useEffect, useState } from "preact/hooks";
import { METHODS, type Method, type ViewState } from "./view-state.js";

type FormFields = Pick<ViewState, "tickers" | "start" | "end" | "method">;

/** Tickers, the date window and the estimation method; applied on submit (Enter or the button). */
export function TickerForm({ state, onSubmit }: { state: ViewState; onSubmit(change: FormFields): void }) {
  const [tickers, setTickers] = useState(state.tickers.join(", "));
  const [start, setStart] = useState(state.start);
  const [end, setEnd] = useState(state.end);
  const [method, setMethod] = useState<Method>(state.method);
  useEffect(() => {
    setTickers(state.tickers.join(", "));
    setStart(state.start);
    setEnd(state.end);
    setMethod(state.method);
  }, [state.tickers, state.start, state.end, state.method]);
  return (
    <form
      class="request"
      onSubmit={(event) => {
        event.preventDefault();
        const symbols = tickers
          .split(/[\s,]+/)
          .map((ticker) => ticker.trim().toUpperCase())
          .filter((ticker) => ticker !== "");
        onSubmit({ tickers: symbols.length > 0 ? symbols : state.tickers, start, end, method });
      }}
    >
      <label>
        Tickers
        <input
          name="tickers"
          value={tickers}
          onInput={(event) => setTickers(event.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="tickers-help"
        />
        <small id="tickers-help">comma- or space-separated, e.g. SPY, GLD, BX</small>
      </label>
      <label>
        Start
        <input name="start" type="date" value={start} onInput={(event) => setStart(event.currentTarget.value)} />
      </label>
      <label>
        End
        <input name="end" type="date" value={end} onInput={(event) => setEnd(event.currentTarget.value)} />
      </label>
      <label>
        Estimation method
        <select name="method" value={method} onChange={(event) => setMethod(event.currentTarget.value as Method)}>
          {METHODS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Analyse</button>
    </form>
  );
}

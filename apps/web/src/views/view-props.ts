import type { ApiOptions } from "../api-client.js";
import type { ViewState } from "../view-state.js";

export interface ViewProps {
  state: ViewState;
  update(change: Partial<ViewState>): void;
}

/** The estimation window and method every statistics command reads. */
export const windowOptions = (state: ViewState): ApiOptions => ({
  start: state.start || undefined,
  end: state.end || undefined,
  method: state.method,
});

/** A string that changes whenever any of the given parts does: the reload key of a view. */
export const keyOf = (...parts: unknown[]) => JSON.stringify(parts);

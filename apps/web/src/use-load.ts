import { useEffect, useState } from "preact/hooks";
import { ApiError, type ApiOptions, callApi } from "./api-client.js";

export type Fetcher = (command: string, tickers: readonly string[], options?: ApiOptions) => Promise<unknown>;

export interface LoadState<T> {
  status: "loading" | "done" | "error";
  data?: T;
  error?: ApiError;
  /** Requests answered and started so far, for the progress bar. */
  done: number;
  total: number;
}

/** Runs `load` whenever `key` changes, counting its API requests; a newer key discards an older answer. */
export function useLoad<T>(key: string, load: (fetcher: Fetcher) => Promise<T>): LoadState<T> {
  const [state, setState] = useState<LoadState<T>>({ status: "loading", done: 0, total: 0 });
  useEffect(() => {
    let current = true;
    let done = 0;
    let total = 0;
    const progress = () => current && setState((previous) => ({ ...previous, done, total }));
    setState({ status: "loading", done: 0, total: 0 });
    const fetcher: Fetcher = async (command, tickers, options) => {
      total += 1;
      progress();
      try {
        return await callApi(command, tickers, options);
      } finally {
        done += 1;
        progress();
      }
    };
    load(fetcher).then(
      (data) => current && setState({ status: "done", data, done, total }),
      (error: unknown) =>
        current &&
        setState({
          status: "error",
          error: error instanceof ApiError ? error : new ApiError("INTERNAL", (error as Error).message),
          done,
          total,
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

import type { ApiError } from "./api-client.js";

/** Shown while a view's requests run: how many have answered. */
export function Loading({ done, total }: { done: number; total: number }) {
  return (
    <div class="loading" role="status" aria-live="polite" data-testid="loading">
      <progress max={Math.max(total, 1)} value={done} aria-label="Requests answered" />
      <span>
        Fetching prices and computing… {done} of {total} requests answered
      </span>
    </div>
  );
}

/** The engine's typed error as the API sent it: its code and the message saying what to do. */
export function ErrorPanel({ error }: { error: ApiError }) {
  return (
    <div class="error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.code}</strong>
      <p>{error.message}</p>
    </div>
  );
}

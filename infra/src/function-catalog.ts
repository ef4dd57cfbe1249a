/** One Lambda per command the handler exposes; sizes are per function. */
export interface FunctionSpec {
  /** The command word, passed to the handler as `SCRILLA_FUNCTION`. */
  readonly command: string;
  readonly memoryMb: number;
  /**
   * Every function may wait out AlphaVantage's throttle (bounded 30 s sleeps per request), so even the
   * simple ones get well over a minute.
   */
  readonly timeoutSeconds: number;
}

const light = (command: string): FunctionSpec => ({ command, memoryMb: 512, timeoutSeconds: 120 });
const heavy = (command: string): FunctionSpec => ({ command, memoryMb: 1024, timeoutSeconds: 300 });

export const SCRILLA_FUNCTIONS: readonly FunctionSpec[] = [
  light("risk-profile"),
  light("correlation"),
  heavy("optimize-portfolio"),
  heavy("efficient-frontier"),
  heavy("optimize-cvar"),
  light("var"),
  light("cvar"),
  light("capm-beta"),
  light("capm-equity"),
  light("sharpe-ratio"),
  light("ddm"),
  // The dashboard's moving-average and dividend views.
  light("mov-averages"),
  light("dividends"),
  { command: "yield-curve", memoryMb: 256, timeoutSeconds: 90 },
  { command: "prices", memoryMb: 256, timeoutSeconds: 120 },
];

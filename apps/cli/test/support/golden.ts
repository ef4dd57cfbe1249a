/** Spec Appendix A golden values for the window 2021-07-14..2021-11-19 (closed-form / recommended columns). */
export const WINDOW = ["--start", "2021-07-14", "--end", "2021-11-19"];

export type Method = "moments" | "percentiles" | "likelihood";

/** A.1 (annual_return, annual_volatility). */
export const PROFILES: Record<string, Partial<Record<Method, [number, number]>>> = {
  ALLY: {
    moments: [-0.1286093252626298, 0.31738145569380244],
    percentiles: [0.08890948029352472, 0.3075191254422132],
    likelihood: [-0.12916279223196253, 0.31563278422821406],
  },
  BX: {
    moments: [1.146062541934498, 0.322838620543949],
    percentiles: [1.412891833155438, 0.28903305518440814],
    likelihood: [1.1454898783360659, 0.3210598818255794],
  },
  SPY: { moments: [0.2057412547879529, 0.10835338023228] },
  GLD: { moments: [0.03348300372735142, 0.12790467127363433] },
};

export const moments = (ticker: string): [number, number] => PROFILES[ticker]!.moments!;

/** A.2 Pearson correlations (recommended for moments and likelihood). */
export const PEARSON: Record<string, number> = {
  "ALLY-BX": 0.210174607610038,
  "ALLY-SPY": 0.424441731572819,
  "BX-SPY": 0.5879645941242769,
  "SPY-GLD": -0.03951067374270105,
};

/** A.3: TEN_YEAR on 2021-11-18, the business day before the pinned today 2021-11-19. */
export const RISK_FREE = 0.0159;

/** A.3 VaR/CVaR CLI example: ALLY, prob 0.05, expiry 0.5, moments. */
export const ALLY_VAR = 30.29891518814592;
export const ALLY_CVAR = 27.679035958317936;

/** A.5 DDM at discount 0.05 (the original sums its series to 1e-7 increments). */
export const DDM = { ALLY: 68.41594528884819, BX: 475.95912142261597 };

/** §7.9 recorded closes. */
export const CLOSES = {
  ALLY_2021_10_22: 50.7,
  BX_2021_09_08: 128.31,
  DIS_2021_10_04: 173.46,
  ALLY_2021_11_19: 47.93,
  SPY_2021_11_19: 468.89,
};

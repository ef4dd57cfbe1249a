import type { Maturity } from "@scrilla/core";

/** Years to maturity of each Treasury constant-maturity series (spec §7.1), for a true time axis. */
export const MATURITY_YEARS: Readonly<Record<Maturity, number>> = {
  ONE_MONTH: 1 / 12,
  TWO_MONTH: 2 / 12,
  THREE_MONTH: 3 / 12,
  SIX_MONTH: 6 / 12,
  ONE_YEAR: 1,
  TWO_YEAR: 2,
  THREE_YEAR: 3,
  FIVE_YEAR: 5,
  SEVEN_YEAR: 7,
  TEN_YEAR: 10,
  TWENTY_YEAR: 20,
  THIRTY_YEAR: 30,
};

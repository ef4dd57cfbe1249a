/** The 12 Treasury maturities of the yield curve, in curve order (spec §3.4, §7.4). */
export const MATURITIES = [
  "ONE_MONTH",
  "TWO_MONTH",
  "THREE_MONTH",
  "SIX_MONTH",
  "ONE_YEAR",
  "TWO_YEAR",
  "THREE_YEAR",
  "FIVE_YEAR",
  "SEVEN_YEAR",
  "TEN_YEAR",
  "TWENTY_YEAR",
  "THIRTY_YEAR",
] as const;

export type Maturity = (typeof MATURITIES)[number];

export const isMaturity = (value: string): value is Maturity => (MATURITIES as readonly string[]).includes(value);

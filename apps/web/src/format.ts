/** Numbers as the dashboard shows them (the exact value stays in each cell's data-value). */
export const formats = {
  percent: (x: number) => `${(x * 100).toFixed(2)}%`,
  number: (x: number) => x.toFixed(4),
  money: (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
} as const;

export type FormatName = keyof typeof formats;

import { join } from "node:path";

/** The folders `DATA_DIR` stands for, laid out like the repository's `examples/`. */
export const DATA_DIR_LAYOUT = {
  PRICE_DIR: "prices",
  DIV_DIR: "dividends",
  STAT_DIR: "statistics",
} as const;

const MANAGER_OF = { PRICE_DIR: "PRICE_MANAGER", DIV_DIR: "DIV_MANAGER", STAT_DIR: "STAT_MANAGER" } as const;

/**
 * `DATA_DIR=<folder>` is shorthand for reading every source from files: `PRICE_MANAGER=csv`,
 * `PRICE_DIR=<folder>/prices`, `DIV_MANAGER=csv`, `DIV_DIR=<folder>/dividends`, `STAT_MANAGER=csv`,
 * `STAT_DIR=<folder>/statistics`. A variable set explicitly wins over the shorthand.
 */
export function expandDataDir(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const root = env.DATA_DIR?.trim();
  if (!root) return env;
  const expanded = { ...env };
  for (const [dirVariable, folder] of Object.entries(DATA_DIR_LAYOUT) as [keyof typeof DATA_DIR_LAYOUT, string][]) {
    const manager = MANAGER_OF[dirVariable];
    if (!expanded[manager]) expanded[manager] = "csv";
    if (!expanded[dirVariable] && expanded[manager] === "csv") expanded[dirVariable] = join(root, folder);
  }
  return expanded;
}

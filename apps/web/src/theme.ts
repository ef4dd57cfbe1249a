import type { ChartTheme } from "@scrilla/charts";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

const STORAGE_KEY = "scrilla-theme";

/** The saved choice, else the system's preference. */
export function initialTheme(): ChartTheme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: ChartTheme): void {
  document.documentElement.dataset.theme = theme;
  globalThis.localStorage?.setItem(STORAGE_KEY, theme);
}

export const ThemeContext = createContext<ChartTheme>("light");
export const useTheme = () => useContext(ThemeContext);

import type { Page } from "playwright-core";

export type Table = Record<string, Record<string, number>>;

/** A results table as {row: {field: exact value}}, checking on the way that each cell's text shows its value. */
export async function readTable(page: Page, testId: string): Promise<Table> {
  const cells = await page.$$eval(`[data-testid="${testId}"] td[data-field]`, (tds) =>
    tds.map((td) => ({
      row: td.closest("tr")!.getAttribute("data-row")!,
      field: td.getAttribute("data-field")!,
      value: td.getAttribute("data-value")!,
      text: td.textContent!,
    })),
  );
  const table: Table = {};
  for (const cell of cells) {
    if (cell.value === "") continue;
    const value = Number(cell.value);
    (table[cell.row] ??= {})[cell.field] = value;
    const shown = Number(cell.text.replace(/[$,%]/g, ""));
    const scale = cell.text.endsWith("%") ? 100 : 1;
    // Shown to 2 (percent, money) or 4 decimals: the text is the value rounded, within half a last digit.
    const decimals = cell.text.split(".")[1]?.replace(/\D/g, "").length ?? 0;
    if (Math.abs(shown - value * scale) > 0.5 * 10 ** -decimals + 1e-9) {
      throw new Error(`${testId} ${cell.row}.${cell.field} shows "${cell.text}" for ${value}`);
    }
  }
  return table;
}

/** Opens a view and waits until every chart of it is drawn (or an error is shown). */
export async function openView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-testid="chart"]')];
      const error = document.querySelector('[data-testid="error"]');
      return error !== null || (charts.length > 0 && charts.every((c) => c.getAttribute("data-status") === "rendered"));
    },
    undefined,
    { timeout: 90_000 },
  );
}

/** The SVG marks each drawn chart holds (points, lines, bars, cells): a chart with data has some. */
export function markCounts(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="chart"] svg', (svgs) =>
    svgs.map((svg) => svg.querySelectorAll("g.role-mark > path, g.role-mark > text").length),
  );
}

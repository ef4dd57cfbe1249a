import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { redactSecrets } from "@scrilla/core/secrets";
import { stringify } from "csv-stringify/sync";
import { ScrillaError } from "../light-imports.js";
import type { Section } from "./tabulate.js";

/**
 * Writes the result where `--save` says (D-61 fixed): the same JSON `--json` prints, or CSV for a
 * `.csv` path (one table per section, sections separated by a blank line and headed by their title).
 */
export async function saveResult(path: string, result: unknown, sections: () => Section[]): Promise<void> {
  const extension = extname(path).toLowerCase();
  const body = extension === ".csv" ? toCsv(sections()) : `${JSON.stringify(result, null, 2)}\n`;
  try {
    await writeFile(path, redactSecrets(body));
  } catch (error) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `cannot write --save ${path}: ${(error as Error).message}; choose a writable path.`,
    );
  }
}

export function toCsv(sections: readonly Section[]): string {
  const many = sections.length > 1;
  return sections
    .map((section) => {
      const rows = [section.columns, ...section.rows];
      return stringify(many && section.title ? [[section.title], ...rows] : rows);
    })
    .join("\n");
}

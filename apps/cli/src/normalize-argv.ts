import { spellingTable } from "./cli-options.js";

/**
 * Rewrites the original's spellings (`-start`, `--start-date`, `-js`, `--sh`, …, spec §10.2) to the
 * canonical `--long` form so a POSIX parser can read them. One-letter POSIX shorts (`-s`) and
 * anything after `--` are left alone; unknown words are left for the parser to reject.
 */
export function normalizeArgv(argv: readonly string[]): string[] {
  const spellings = spellingTable();
  const out: string[] = [];
  let passthrough = false;
  for (const arg of argv) {
    if (passthrough || arg === "--") {
      passthrough = true;
      out.push(arg);
      continue;
    }
    const match = /^(-{1,2})([A-Za-z][A-Za-z-]*)(=.*)?$/.exec(arg);
    if (!match) {
      out.push(arg);
      continue;
    }
    const [, dashes, word = "", inlineValue = ""] = match;
    const isPosixShort = dashes === "-" && word.length === 1;
    const canonical = spellings.get(word.toLowerCase());
    out.push(!isPosixShort && canonical ? `--${canonical}${inlineValue}` : arg);
  }
  return out;
}

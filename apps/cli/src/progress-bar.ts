import type { ProgressEvent } from "@scrilla/engine";
import type { CliLogger } from "./logger.js";

const WIDTH = 24;

/**
 * Shows multi-ticker fetches on stderr: a redrawn bar on a terminal, debug log lines otherwise
 * (so piped stderr stays readable). Single fetches draw nothing.
 */
export function createProgressBar(stderr: NodeJS.WritableStream & { isTTY?: boolean }, logger: CliLogger) {
  let drawn = false;
  const onEvent = (event: ProgressEvent) => {
    logger.debug(`${event.kind} ${event.source} ${event.key}`, { completed: event.completed, total: event.total });
    if (!stderr.isTTY || logger.level === "none" || event.total < 2) return;
    const filled = Math.round((event.completed / event.total) * WIDTH);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    stderr.write(`\r[${bar}] ${event.completed}/${event.total} ${event.source} ${event.key}\u001b[K`);
    drawn = true;
    // Done: clear the line so later log lines start clean.
    if (event.kind === "fetch-done" && event.completed === event.total) finish();
  };
  const finish = () => {
    if (drawn) stderr.write("\r\u001b[K");
    drawn = false;
  };
  return { onEvent, finish };
}

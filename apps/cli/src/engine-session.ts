import type { Engine } from "@scrilla/engine";
import type { OutputStream } from "./cli-context.js";
import type { DataHome } from "./data-home.js";
import { parseIsoDate } from "./iso-date.js";
import { ScrillaError } from "./light-imports.js";
import type { CliLogger } from "./logger.js";
import { createProgressBar } from "./progress-bar.js";

/**
 * Creates the engine lazily (it loads the cache, providers and their SDKs, which `--help` must not pay for)
 * and closes it once. The CLI's data home is passed down as SCRILLA_HOME so both agree on key files.
 */
export function engineSession(
  env: Record<string, string | undefined>,
  home: DataHome,
  logger: CliLogger,
  stderr: OutputStream,
) {
  let engine: Promise<Engine> | undefined;
  const progress = createProgressBar(stderr, logger);
  const open = async (): Promise<Engine> => {
    const { createEngine } = await import("@scrilla/engine");
    const today = pinnedToday(env.SCRILLA_TODAY);
    const created = await createEngine({
      env: { ...env, SCRILLA_HOME: home.root },
      logger,
      ...(today ? { today } : {}),
    });
    created.onProgress(progress.onEvent);
    return created;
  };
  return {
    get: (): Promise<Engine> => {
      engine ??= open();
      return engine;
    },
    close: async (): Promise<void> => {
      progress.finish();
      if (engine) await (await engine.catch(() => undefined))?.close();
    },
  };
}

/** SCRILLA_TODAY pins "today" (reproducible runs and tests); unset means the clock. */
function pinnedToday(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return parseIsoDate(value, "SCRILLA_TODAY");
  } catch (error) {
    throw new ScrillaError(
      "CONFIG",
      `${(error as Error).message.replace(/;.*$/, "")}; set SCRILLA_TODAY=YYYY-MM-DD or unset it.`,
    );
  }
}

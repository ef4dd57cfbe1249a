import { homedir } from "node:os";
import { join } from "node:path";

export interface DataHome {
  root: string;
  /** Stored API keys and the watchlist. */
  common: string;
  /** Downloaded symbol lists. */
  static: string;
}

/** The user's scrilla directory: SCRILLA_HOME, else $XDG_DATA_HOME/scrilla, else ~/.local/share/scrilla. */
export function resolveDataHome(env: Record<string, string | undefined>): DataHome {
  const root =
    nonEmpty(env.SCRILLA_HOME) ??
    join(nonEmpty(env.XDG_DATA_HOME) ?? join(nonEmpty(env.HOME) ?? homedir(), ".local", "share"), "scrilla");
  return { root, common: join(root, "common"), static: join(root, "static") };
}

const nonEmpty = (value: string | undefined) => (value && value.trim() !== "" ? value : undefined);

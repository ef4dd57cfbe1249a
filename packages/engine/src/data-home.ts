import { homedir } from "node:os";
import { join } from "node:path";

/** scrilla's user directory and its parts: stored keys and the watchlist in `common`, symbol lists in `static`. */
export interface DataHome {
  root: string;
  common: string;
  static: string;
}

/** scrilla's user directory: SCRILLA_HOME, else $XDG_DATA_HOME/scrilla, else ~/.local/share/scrilla. */
export function scrillaHome(env: Record<string, string | undefined>): DataHome {
  const set = (value: string | undefined) => (value && value.trim() !== "" ? value : undefined);
  const root =
    set(env.SCRILLA_HOME) ??
    join(set(env.XDG_DATA_HOME) ?? join(set(env.HOME) ?? homedir(), ".local", "share"), "scrilla");
  return { root, common: join(root, "common"), static: join(root, "static") };
}

import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Where the SQLite cache lives unless told otherwise: `SQLITE_FILE`, else `/tmp` on Lambda (its only writable
 * place), else the user's data directory (XDG on Linux) — never inside the installed package (spec §10.6).
 */
export function defaultSqliteFile(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const configured = env.SQLITE_FILE?.trim();
  if (configured) return configured;
  return join(userDataDirectory(env, platform, home), "scrilla", "cache", "scrilla.db");
}

function userDataDirectory(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string) {
  if (env.AWS_LAMBDA_FUNCTION_NAME) return "/tmp";
  if (platform === "win32") return env.LOCALAPPDATA || join(home, "AppData", "Local");
  if (platform === "darwin") return join(home, "Library", "Application Support");
  return env.XDG_DATA_HOME?.startsWith("/") ? env.XDG_DATA_HOME : join(home, ".local", "share");
}

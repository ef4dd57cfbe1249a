import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the built web app lives and the security headers it is served with (the CloudFront policy's file). */
export interface WebApp {
  root: string;
  headers: Record<string, string>;
  built: boolean;
}

/** apps/web/dist of this checkout, seen from apps/cli/dist/serve/. */
const MONOREPO_BUILD = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/**
 * The web app's build: SCRILLA_WEB_DIR, else the monorepo's apps/web/dist (`pnpm build` makes it). Its
 * security-headers.json (copied from apps/web/public) is the one policy, also applied by CloudFront.
 */
export function locateWebApp(env: Record<string, string | undefined>): WebApp {
  const root = env.SCRILLA_WEB_DIR?.trim() || MONOREPO_BUILD;
  const headersFile = join(root, "security-headers.json");
  if (!existsSync(headersFile)) return { root, headers: {}, built: false };
  return { root, headers: JSON.parse(readFileSync(headersFile, "utf8")) as Record<string, string>, built: true };
}

import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The web app's security headers, the same file `scrilla serve` sends (apps/web/public/security-headers.json). */
export const SECURITY_HEADERS_PATH = resolve(import.meta.dirname, "../../apps/web/public/security-headers.json");

export type SecurityHeaders = Record<string, string>;

export function readSecurityHeaders(path = SECURITY_HEADERS_PATH): SecurityHeaders {
  return JSON.parse(readFileSync(path, "utf8")) as SecurityHeaders;
}

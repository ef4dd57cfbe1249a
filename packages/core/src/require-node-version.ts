import { ScrillaError } from "./errors.js";

export interface NodeRequirement {
  /** The package that needs it, named in the message (e.g. `@scrilla/cache`). */
  packageName: string;
  /** Lowest supported major version of Node.js. */
  minimumMajor: number;
  /** What it uses from that version, for the message (e.g. `node:sqlite`). */
  reason: string;
  /** The running version, `process.versions.node` (a parameter: core reads no environment). */
  running: string;
}

/**
 * Throws a CONFIG ScrillaError naming the package, the Node.js version it needs and the one running, so an
 * older Node fails at import with advice instead of later with an obscure missing API (`DatabaseSync`).
 */
export function requireNodeVersion({ packageName, minimumMajor, reason, running }: NodeRequirement): void {
  const major = Number.parseInt(running.replace(/^v/, ""), 10);
  if (Number.isInteger(major) && major >= minimumMajor) return;
  throw new ScrillaError(
    "CONFIG",
    `${packageName} needs Node.js ${minimumMajor} or newer (${reason}); this is Node.js ${running}. ` +
      `Install Node.js ${minimumMajor} LTS (e.g. \`nvm install ${minimumMajor}\`) and run again.`,
    { packageName, minimumMajor, running },
  );
}

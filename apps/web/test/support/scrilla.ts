import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built CLI of this checkout and the web build it serves. */
export const BIN = fileURLToPath(new URL("../../../cli/dist/bin.js", import.meta.url));
export const WEB_DIST = fileURLToPath(new URL("../../dist", import.meta.url));

export function checkBuilt(): void {
  for (const path of [BIN, `${WEB_DIST}/index.html`]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm build first.`);
  }
}

/** `scrilla <args> --json` with `env`: the parsed document, or the "scrilla: CODE: message" line on failure. */
export function cliJson(args: string[], env: Record<string, string>): Promise<{ json?: unknown; error?: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args, "--json"], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      if (error) resolve({ error: stderr.split("\n").find((line) => /^scrilla: [A-Z_]+:/.test(line)) ?? stderr });
      else resolve({ json: JSON.parse(stdout) });
    });
  });
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `scrilla serve --port 0` with `env`; resolves with the URL it prints once it listens. */
export function serve(env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
    env: { ...env, SCRILLA_WEB_DIR: WEB_DIST },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes("\n")) return;
      resolve({
        url: stdout.split("\n")[0]!.trim(),
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
    exited.then(() => reject(new Error(`scrilla serve exited before listening: ${stderr}`)));
  });
}

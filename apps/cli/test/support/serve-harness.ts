import { type ChildProcess, spawn } from "node:child_process";
import { BIN } from "./cli-harness.js";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the built `scrilla serve --port 0 …` and resolves with the URL it prints once it listens. */
export function startServe(args: string[], env: Record<string, string>, cwd: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { env, cwd });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && line) {
        resolve({
          url: line.trim(),
          process: child,
          stderr: () => stderr,
          stop: async () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    exited.then((code) => reject(new Error(`scrilla serve exited ${code} before listening: ${stderr}`)));
  });
}

import { spawn } from "node:child_process";
import { rmdirSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed at the hard deadline instead of ending on its own. */
  killed: boolean;
  /** Wall time from spawn to exit, for failure messages only (tests never assert timings). */
  elapsedMs: number;
  /** The process group the child led; gone once the child and anything it started have ended. */
  pgid: number;
}

/**
 * Runs `node <script> ...args` as the leader of its own process group and SIGKILLs the whole group if it has not
 * ended by `hardDeadlineMs`. `removeCwd` deletes the working directory right after the spawn (Node resolves the
 * script by absolute path, so the program starts and then finds its directory gone).
 */
export function runBounded(
  script: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; hardDeadlineMs: number; removeCwd?: boolean },
): Promise<BoundedRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    env: options.env,
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (options.removeCwd) rmdirSync(options.cwd);
  const pgid = child.pid!;
  let stdout = "";
  let stderr = "";
  let killed = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const deadline = setTimeout(() => {
    killed = true;
    process.kill(-pgid, "SIGKILL");
  }, options.hardDeadlineMs);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr, killed, elapsedMs: performance.now() - started, pgid });
    });
  });
}

/** True while any process of the group is alive (signal 0 only checks). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** A TCP endpoint that accepts connections and never answers: a DynamoDB endpoint gone silent. */
export async function startBlackhole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

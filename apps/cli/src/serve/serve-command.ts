import type { AddressInfo } from "node:net";
import type { CliContext } from "../cli-context.js";
import { ScrillaError } from "../light-imports.js";
import { createDashboardServer } from "./http-server.js";
import { locateWebApp } from "./web-app.js";

export const DEFAULT_PORT = 8484;

/**
 * `scrilla serve`: the web dashboard and its JSON API on http://127.0.0.1:8484/ until SIGINT/SIGTERM.
 * Prints the URL on stdout (the one result); the engine is the CLI's, so the same env configures both.
 */
export async function serve(context: CliContext): Promise<void> {
  const host = typeof context.raw.host === "string" ? context.raw.host : "127.0.0.1";
  const port = parsePort(context.raw.port);
  const web = locateWebApp(process.env);
  if (!web.built)
    context.logger.warn(`no web app build in ${web.root}: run pnpm build (the JSON API works without it)`);
  const server = createDashboardServer(context.engine, web, context.logger);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ScrillaError(
          "INVALID_INPUT",
          `cannot listen on ${host}:${port} (${error.code ?? error.message}); choose another --port or --host.`,
        ),
      ),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}/`;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") {
    context.logger.warn(`listening on ${host}: anyone who reaches this machine can use the dashboard and its API`);
  }
  // Listening for the signals before announcing the URL: a caller that stops us as soon as it reads it
  // must not meet the default action (killed, no exit code).
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  context.logger.info(`serving the dashboard on ${url} (Ctrl-C stops)`);
  context.stdout.write(context.output.json ? `${JSON.stringify({ url })}\n` : `${url}\n`);
  await stopped;
  context.logger.info("stopped");
}

function parsePort(raw: string | boolean | undefined): number {
  if (raw === undefined || raw === false) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ScrillaError("INVALID_INPUT", `--port must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

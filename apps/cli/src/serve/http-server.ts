import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Engine } from "@scrilla/engine";
import type { CliLogger } from "../logger.js";
import { answerApi } from "./api-route.js";
import { readStaticFile } from "./static-files.js";
import type { WebApp } from "./web-app.js";

/** Larger request bodies are refused: a request names at most 50 symbols and a few options. */
const MAX_BODY_BYTES = 64 * 1024;

/** The dashboard's server: `/api/<command>` answers from the engine, every other path is a file of the web build. */
export function createDashboardServer(engine: () => Promise<Engine>, web: WebApp, logger: CliLogger): Server {
  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.warn(`request failed: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "internal error");
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(web.headers)) response.setHeader(name, value);
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    if (url.pathname.startsWith("/api/")) {
      const body = await readBody(request);
      const requestId = randomUUID();
      const started = performance.now();
      const command = decodeURIComponent(url.pathname.slice("/api/".length));
      const answer =
        body === undefined
          ? { status: 413, body: { error: { code: "INVALID_INPUT", message: "The request body is too large." } } }
          : await answerApi(engine, { method, command, query: url.searchParams, body, requestId });
      logger.debug(`${method} ${url.pathname} → ${answer.status}`, {
        requestId,
        ms: Math.round(performance.now() - started),
      });
      response.setHeader("cache-control", "no-store");
      return send(response, answer.status, "application/json; charset=utf-8", JSON.stringify(answer.body ?? null));
    }
    if (method !== "GET" && method !== "HEAD") {
      return send(response, 405, "text/plain; charset=utf-8", "only GET and HEAD outside /api/");
    }
    const file = await readStaticFile(web.root, url.pathname);
    if (!file) {
      const missing = url.pathname === "/" ? `the web app is not built: run pnpm build (looked in ${web.root})` : "";
      return send(response, 404, "text/plain; charset=utf-8", missing || "not found");
    }
    response.setHeader("cache-control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    return send(response, 200, file.type, method === "HEAD" ? "" : file.body);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { "content-type": type });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

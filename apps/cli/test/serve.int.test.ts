import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STATUS_BY_CODE } from "@scrilla/engine/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliWorld, jsonOf, startCliWorld } from "./support/cli-harness.js";
import { WINDOW } from "./support/golden.js";
import { type RunningServer, startServe } from "./support/serve-harness.js";

// `scrilla serve` against the loopback fixture server: its API answers what the CLI prints with --json.
let world: CliWorld;
let server: RunningServer;
let webDir: string;
const POLICY = { "content-security-policy": "default-src 'self'; script-src 'self'", "x-frame-options": "DENY" };

beforeAll(async () => {
  world = await startCliWorld();
  // A stand-in build folder: what is served is a file tree with the policy file, whatever made it.
  webDir = join(world.dir, "web");
  await mkdir(join(webDir, "assets"), { recursive: true });
  await writeFile(join(webDir, "index.html"), "<!doctype html><title>dashboard</title>");
  await writeFile(join(webDir, "assets", "app-1234.js"), "console.log(1)");
  await writeFile(join(webDir, "security-headers.json"), JSON.stringify(POLICY));
  await writeFile(join(world.dir, "secret.txt"), "not for the web");
  server = await startServe([], { ...world.env, SCRILLA_WEB_DIR: webDir }, world.dir);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await world?.close();
});

const api = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
const start = WINDOW[1]!;
const end = WINDOW[3]!;

describe("scrilla serve", () => {
  it("listens on 127.0.0.1 by default and prints the URL", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("answers GET /api/<command>?tickers=… with the CLI's --json result", async () => {
    const response = await api(`/api/risk-profile?tickers=ALLY,BX&start=${start}&end=${end}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const cli = jsonOf(await world.run(["risk-profile", "ALLY", "BX", ...WINDOW, "--json"]));
    expect(await response.json()).toEqual(cli);
  });

  it("answers a POSTed {tickers, options} body and aliases the same way", async () => {
    const response = await api("/api/opt", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tickers: ["ALLY", "BX", "SPY"], options: { start, end, target: 0.3 } }),
    });
    expect(response.status).toBe(200);
    const cli = jsonOf(
      await world.run(["optimize-portfolio", "ALLY", "BX", "SPY", ...WINDOW, "--target", "0.3", "--json"]),
    );
    expect(await response.json()).toEqual(cli);
  });

  it("answers errors as {error: {code, message}} with the Lambda handler's status of the code", async () => {
    const unknown = await api(`/api/risk-profile?tickers=NOSUCH&start=${start}&end=${end}`);
    const body = (await unknown.json()) as { error: { code: keyof typeof STATUS_BY_CODE; message: string } };
    expect(Object.keys(body)).toEqual(["error"]);
    expect(unknown.status).toBe(STATUS_BY_CODE[body.error.code]);
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(body.error.message).toContain("NOSUCH");

    const unread = await api(`/api/risk-profile?tickers=SPY&target=0.1`);
    expect(unread.status).toBe(400);
    expect(((await unread.json()) as { error: { message: string } }).error.message).toMatch(
      /does not read option\(s\) target/,
    );

    const badJson = await api("/api/risk-profile", { method: "POST", body: "{nope" });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe("INVALID_INPUT");

    const notCompute = await api("/api/purge");
    expect(notCompute.status).toBe(404);
    expect(((await notCompute.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("serves the web build with its security headers, caching hashed assets for a year", async () => {
    const page = await api("/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>dashboard</title>");
    expect(page.headers.get("content-security-policy")).toBe(POLICY["content-security-policy"]);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = await api("/assets/app-1234.js");
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await api("/api/risk-profile?tickers=SPY")).headers.get("x-frame-options")).toBe("DENY");
  });

  it("never serves a file outside the build folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const response = await api(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("not for the web");
    }
  });

  it("stops cleanly on SIGTERM (exit 0)", async () => {
    const second = await startServe([], { ...world.env, SCRILLA_WEB_DIR: webDir }, world.dir);
    expect(await second.stop()).toBe(0);
  });

  it("refuses a port that is taken, with a typed usage error", async () => {
    const port = new URL(server.url).port;
    const run = await world.run(["serve", "--port", port]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/INVALID_INPUT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  });
});

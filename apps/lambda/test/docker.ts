import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO = join(import.meta.dirname, "..", "..", "..");

/** Fails (never skips) with the reason when no Docker daemon answers. */
export async function requireDocker(): Promise<void> {
  try {
    await run("docker", ["info", "--format", "{{.ServerVersion}}"], { timeout: 60_000 });
  } catch (error) {
    const prepared = process.env.DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE;
    throw new Error(
      `The Lambda image test needs a Docker daemon and none answers (${(error as Error).message.trim()})` +
        (prepared ? `; .ci/prepare-dynamodb.sh reported: ${prepared}` : "") +
        ". CI starts one in .ci/prepare-dynamodb.sh; locally run `dockerd --bridge=none --iptables=false --ip-masq=false &`.",
    );
  }
}

/** Builds apps/lambda/Dockerfile FROM the local stand-in base image; returns the image name. */
export async function buildLambdaImage(): Promise<string> {
  const { stdout } = await run("bash", [join(REPO, "scripts", "docker", "build-lambda-image.sh")], {
    env: { ...process.env, NODE_BINARY: process.execPath },
    timeout: 300_000,
  });
  return stdout.trim();
}

/** Removes the per-bundle image (the base image stays, keyed by its recipe, for the next run). */
export async function removeImage(image: string): Promise<void> {
  await run("docker", ["image", "rm", "--force", image], { timeout: 30_000 });
}

export interface ContainerRun {
  result: unknown;
  /** Every other stdout/stderr line: the handler's JSON logs. */
  logLines: string[];
}

/** One invocation inside the image (host networking: 127.0.0.1 is the test's own loopback). */
export async function invokeInContainer(
  image: string,
  env: Record<string, string>,
  event: unknown,
): Promise<ContainerRun> {
  const flags = Object.entries({ ...env, LOCAL_INVOKE_EVENT: JSON.stringify(event) }).flatMap(([k, v]) => [
    "-e",
    `${k}=${v}`,
  ]);
  const { stdout, stderr } = await run("docker", ["run", "--rm", "--network", "host", ...flags, image], {
    timeout: 180_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = `${stdout}\n${stderr}`.split("\n").filter((line) => line.trim() !== "");
  const marker = "LOCAL_INVOKE_RESULT ";
  const resultLine = lines.find((line) => line.startsWith(marker));
  if (!resultLine) throw new Error(`the container printed no result:\n${lines.join("\n")}`);
  return {
    result: JSON.parse(resultLine.slice(marker.length)),
    logLines: lines.filter((line) => !line.startsWith(marker) && !line.startsWith("DEPRECATED")),
  };
}

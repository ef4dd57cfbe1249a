// The LOCAL stand-in for the AWS Lambda Runtime Interface Client, used only in the locally assembled base
// image (no image can be pulled here). Like the real runtime it reads the handler string ("index.handler")
// from its arguments, loads it from LAMBDA_TASK_ROOT, and resolves bare imports from NODE_PATH for ES modules
// (AWS's Node 18+ runtimes do; plain Node does not). Unlike it, it calls the handler ONCE with the event in
// LOCAL_INVOKE_EVENT (JSON), prints `LOCAL_INVOKE_RESULT <json>` on stdout and exits.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const searchDirs = (process.env.NODE_PATH ?? "").split(delimiter).filter(Boolean);
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const bare = !specifier.startsWith(".") && !specifier.startsWith("/") && !specifier.includes(":");
      if (!bare || error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
      for (const dir of searchDirs) {
        try {
          // Resolving from a file beside `dir` makes Node look in `dir` (a node_modules folder).
          return nextResolve(specifier, { ...context, parentURL: pathToFileURL(join(dirname(dir), "x.mjs")).href });
        } catch {}
      }
      throw error;
    }
  },
});

const handlerString = process.argv[2] ?? "index.handler";
const dot = handlerString.lastIndexOf(".");
const moduleName = handlerString.slice(0, dot);
const exportName = handlerString.slice(dot + 1);
const taskRoot = process.env.LAMBDA_TASK_ROOT ?? "/var/task";
const file = [".mjs", ".js", ".cjs"].map((ext) => join(taskRoot, moduleName + ext)).find((path) => existsSync(path));
if (!file) throw new Error(`Runtime.ImportModuleError: no ${moduleName}.mjs/.js/.cjs in ${taskRoot}`);

const module = await import(pathToFileURL(file).href);
const handler = module[exportName];
if (typeof handler !== "function") throw new Error(`Runtime.HandlerNotFound: ${handlerString} is not a function`);

const event = JSON.parse(process.env.LOCAL_INVOKE_EVENT ?? "{}");
const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT ?? 60) * 1000;
const context = {
  awsRequestId: randomUUID(),
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? "local",
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
};
const result = await handler(event, context);
process.stdout.write(`LOCAL_INVOKE_RESULT ${JSON.stringify(result)}\n`);
// Like the runtime after a response, do not wait for idle sockets (keep-alive agents) to close.
process.exit(0);

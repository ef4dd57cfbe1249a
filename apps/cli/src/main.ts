import { registerSecret } from "@scrilla/core/secrets";
import { helpText } from "./admin/help-text.js";
import type { CliContext, OutputStream } from "./cli-context.js";
import { closestCommand } from "./closest-command.js";
import { resolveOptions } from "./command-options.js";
import { resolveDataHome } from "./data-home.js";
import { engineSession } from "./engine-session.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-code.js";
import { COMMAND_SPECS, findCommand, ScrillaError } from "./light-imports.js";
import { assertLogLevel, createLogger, logLevelFrom } from "./logger.js";
import { parseInvocation } from "./parse-invocation.js";
import { reportError } from "./report-error.js";
import { normalizeSymbols } from "./symbols.js";

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Runs `scrilla <command> [symbols…] [options…]` and returns the exit status (0, 1 runtime, 2 usage). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const { stdout, stderr, env } = io;
  for (const name of ["ALPHA_VANTAGE_KEY", "FRED_KEY"]) registerSecret(env[name]);
  const logger = createLogger(logLevelFrom(env.LOG_LEVEL), stderr);
  const home = resolveDataHome(env);
  const session = engineSession(env, home, logger, stderr);
  const started = performance.now();
  try {
    assertLogLevel(env.LOG_LEVEL);
    const invocation = parseInvocation(argv);
    if (invocation.options.help === true && invocation.command === undefined) {
      stdout.write(helpText(COMMAND_SPECS));
      return EXIT_OK;
    }
    if (invocation.command === undefined) {
      stderr.write(helpText(COMMAND_SPECS));
      return EXIT_USAGE;
    }
    const spec = findCommand(invocation.command);
    if (!spec) {
      const suggestion = closestCommand(invocation.command, COMMAND_SPECS);
      const hint = suggestion ? `did you mean ${suggestion}? ` : "";
      throw new ScrillaError(
        "INVALID_INPUT",
        `unknown command "${invocation.command}"; ${hint}scrilla help lists them.`,
      );
    }
    if (invocation.options.help === true) {
      stdout.write(helpText(COMMAND_SPECS, [spec]));
      return EXIT_OK;
    }
    const symbols = normalizeSymbols(invocation.symbols, spec);
    const resolved = resolveOptions(invocation.options, spec);
    for (const flag of resolved.ignored) logger.warn(`${spec.name} does not use ${flag}; ignoring it`);
    logger.debug(`running ${spec.name}`, { symbols, options: resolved.command, output: resolved.output });
    const context: CliContext = {
      spec,
      symbols,
      options: resolved.command,
      output: resolved.output,
      raw: invocation.options,
      home,
      cwd: io.cwd,
      stdout,
      stderr,
      logger,
      engine: session.get,
    };
    if (spec.kind === "admin") await (await import("./run-admin.js")).runAdmin(context);
    else if (spec.kind === "plot") await (await import("./run-plot.js")).runPlot(context);
    else await (await import("./run-compute.js")).runCompute(context);
    if (spec.kind !== "admin")
      logger.info(`Total execution time: ${((performance.now() - started) / 1000).toFixed(2)}s`);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, stderr, logger);
  } finally {
    await session.close().catch((error: unknown) => reportError(error, stderr, logger));
  }
}

import { existsSync, readFileSync } from "node:fs";
import { clearDirectory } from "./admin/data-files.js";
import { helpText } from "./admin/help-text.js";
import { readSecret } from "./admin/read-secret.js";
import { storeKey } from "./admin/store-key.js";
import { addToWatchlist, readWatchlist } from "./admin/watchlist.js";
import type { CliContext } from "./cli-context.js";
import { COMMAND_SPECS, findCommand, ScrillaError } from "./light-imports.js";

/** Housekeeping commands that live in the CLI: help, version, data-dir files, the cache. */
export async function runAdmin(context: CliContext): Promise<void> {
  const { spec, stdout, home, symbols, output } = context;
  const say = (text: string) => {
    if (!output.quiet) stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  };
  switch (spec.name) {
    case "help": {
      const only = symbols.map((word) => {
        const found = findCommand(word);
        if (!found) throw new ScrillaError("INVALID_INPUT", `unknown command "${word}"; scrilla help lists them all.`);
        return found;
      });
      return say(helpText(COMMAND_SPECS, only));
    }
    case "serve":
      return (await import("./serve/serve-command.js")).serve(context);
    case "version":
      return say(output.json ? JSON.stringify({ version: cliVersion() }) : cliVersion());
    case "clear-cache":
      await (await context.engine()).clearCache();
      return context.logger.info("cache cleared");
    case "clear-static":
      return context.logger.info(`removed ${await clearDirectory(home.static)} files from ${home.static}`);
    case "clear-common":
      return context.logger.info(`removed ${await clearDirectory(home.common)} files from ${home.common}`);
    case "purge": {
      await (await context.engine()).clearCache();
      const removed = (await clearDirectory(home.static)) + (await clearDirectory(home.common));
      return context.logger.info(`cache cleared; removed ${removed} files from ${home.root}`);
    }
    case "watch": {
      const list = await addToWatchlist(home, symbols);
      return say(output.json ? JSON.stringify(list) : `watchlist: ${list.join(" ")}`);
    }
    case "watchlist": {
      const list = await readWatchlist(home);
      if (output.json) return say(JSON.stringify(list));
      return say(
        list.length === 0
          ? "the watchlist is empty; add tickers with scrilla watch SPY GLD"
          : list.map((ticker, i) => `${i + 1}. ${ticker}`).join("\n"),
      );
    }
    case "store": {
      const key = typeof context.raw.key === "string" ? context.raw.key : undefined;
      const given = typeof context.raw.value === "string" ? context.raw.value : undefined;
      const name = key?.toUpperCase();
      const value =
        given === undefined && name
          ? await readSecret(name, process.stdin, context.stderr as NodeJS.WritableStream)
          : given;
      const path = await storeKey(home, key, value);
      return context.logger.info(`stored ${key?.toUpperCase()} in ${path}`);
    }
    case "completion": {
      const { completionScript } = await import("./completion/completion-script.js");
      return say(completionScript(symbols[0] ?? ""));
    }
    default:
      throw new ScrillaError("INVALID_INPUT", `${spec.name} is not an admin command; see scrilla help.`);
  }
}

export function cliVersion(): string {
  // dist/run-admin.js, or a chunk of the bundle in dist/bundle/: the package's own package.json is the first one up.
  for (const relative of ["../package.json", "../../package.json"]) {
    const url = new URL(relative, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, "utf8")) as { name?: string; version: string };
    if (pkg.name === "scrilla") return pkg.version;
  }
  throw new Error("scrilla's package.json was not found beside its code");
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { registerSecret, ScrillaError } from "@scrilla/core";

export type ApiKeyName = "ALPHA_VANTAGE_KEY" | "FRED_KEY";

export interface ApiKeysOptions {
  /** Where keys are looked up first (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Folder of the key files `scrilla store` writes: `<keyDir>/<NAME>.json` = `{"<NAME>": "…"}`. */
  keyDir?: string;
}

/** Resolves API keys lazily, per service, only when that service is used (D-38): env first, then the key file. */
export class ApiKeys {
  private readonly env: Record<string, string | undefined>;
  private readonly keyDir: string | undefined;
  private readonly resolved = new Map<ApiKeyName, string>();

  constructor(options: ApiKeysOptions = {}) {
    this.env = options.env ?? process.env;
    this.keyDir = options.keyDir;
  }

  async get(name: ApiKeyName): Promise<string> {
    const known = this.resolved.get(name);
    if (known !== undefined) return known;
    const key = this.env[name]?.trim() || (await this.readKeyFile(name));
    if (!key) {
      const fileHint = this.keyDir ? ` or write it to ${join(this.keyDir, `${name}.json`)} with \`scrilla store\`` : "";
      throw new ScrillaError("API_KEY_MISSING", `No API key: set the environment variable ${name}${fileHint}.`, {
        variable: name,
      });
    }
    registerSecret(key);
    this.resolved.set(name, key);
    return key;
  }

  private async readKeyFile(name: ApiKeyName): Promise<string | undefined> {
    if (!this.keyDir) return undefined;
    const path = join(this.keyDir, `${name}.json`);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new ScrillaError(
        "CONFIG",
        `Cannot read the key file ${path}: ${(error as Error).message}`,
        { path },
        {
          cause: error,
        },
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ScrillaError(
        "CONFIG",
        `The key file ${path} is not JSON; rewrite it with \`scrilla store\`.`,
        { path },
        {
          cause: error,
        },
      );
    }
    const value = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
    if (value !== undefined && typeof value !== "string") {
      throw new ScrillaError("CONFIG", `The key file ${path} must hold {"${name}": "<key>"}.`, { path });
    }
    return value?.trim() || undefined;
  }
}

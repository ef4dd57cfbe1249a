import { join } from "node:path";
import { registerSecret } from "@scrilla/core/secrets";
import type { DataHome } from "../data-home.js";
import { API_KEY_NAMES, ScrillaError } from "../light-imports.js";
import { writeJsonFile } from "./data-files.js";

/** `store --key NAME --value V`: writes `<home>/common/NAME.json` = `{NAME: V}`, the key file market-data reads. */
export async function storeKey(home: DataHome, key: string | undefined, value: string | undefined): Promise<string> {
  if (!key || value === undefined || value === "") {
    throw new ScrillaError(
      "INVALID_INPUT",
      "store needs --key and a value, e.g. echo <key> | scrilla store --key ALPHA_VANTAGE_KEY (or type it at the prompt).",
    );
  }
  const name = key.toUpperCase();
  if (!(API_KEY_NAMES as readonly string[]).includes(name)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `--key ${key} is not a key scrilla uses; store one of ${API_KEY_NAMES.join(", ")}.`,
    );
  }
  registerSecret(value);
  const path = join(home.common, `${name}.json`);
  await writeJsonFile(path, home.common, { [name]: value });
  return path;
}

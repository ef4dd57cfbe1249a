import { join } from "node:path";
import { registerSecret } from "@scrilla/core/secrets";
import type { DataHome } from "../data-home.js";
import { ScrillaError } from "../light-imports.js";
import { writeJsonFile } from "./data-files.js";

const KEY_NAME = /^[A-Z][A-Z0-9_]*$/;

/** `store --key NAME --value V`: writes `<home>/common/NAME.json` = `{NAME: V}`, the key file market-data reads. */
export async function storeKey(home: DataHome, key: string | undefined, value: string | undefined): Promise<string> {
  if (!key || value === undefined || value === "") {
    throw new ScrillaError(
      "INVALID_INPUT",
      "store needs --key and a value, e.g. echo <key> | scrilla store --key ALPHA_VANTAGE_KEY (or type it at the prompt).",
    );
  }
  const name = key.toUpperCase();
  if (!KEY_NAME.test(name))
    throw new ScrillaError("INVALID_INPUT", `--key ${key} is not a key name; use e.g. ALPHA_VANTAGE_KEY.`);
  registerSecret(value);
  const path = join(home.common, `${name}.json`);
  await writeJsonFile(path, home.common, { [name]: value });
  return path;
}

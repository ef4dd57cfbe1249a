import { readFileSync } from "node:fs";
import { COMMAND_SPECS } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { CLI_OPTIONS } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("has a row for every command of COMMAND_SPECS with all its aliases", () => {
    for (const spec of COMMAND_SPECS) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${spec.name}\` `));
      expect(row, spec.name).toBeDefined();
      for (const alias of spec.aliases) expect(row).toContain(`\`${alias}\``);
    }
  });

  it("documents every option", () => {
    for (const option of CLI_OPTIONS) if (option.long !== "help") expect(readme).toContain(`--${option.long}`);
  });
});

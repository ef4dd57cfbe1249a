import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

describe("DATA_DIR: every source from files", () => {
  it("sets each manager to csv and each folder under DATA_DIR", () => {
    expect(loadConfig({ DATA_DIR: "/data" })).toMatchObject({
      PRICE_MANAGER: "csv",
      PRICE_DIR: join("/data", "prices"),
      DIV_MANAGER: "csv",
      DIV_DIR: join("/data", "dividends"),
      STAT_MANAGER: "csv",
      STAT_DIR: join("/data", "statistics"),
    });
  });

  it("an explicit manager or folder wins over the shorthand", () => {
    const config = loadConfig({ DATA_DIR: "/data", PRICE_DIR: "/mine", STAT_MANAGER: "treasury" });
    expect(config).toMatchObject({ PRICE_MANAGER: "csv", PRICE_DIR: "/mine", STAT_MANAGER: "treasury" });
    expect(config.STAT_DIR).toBeUndefined();
  });

  it.each([
    ["DIV_MANAGER", "DIV_DIR"],
    ["STAT_MANAGER", "STAT_DIR"],
  ])("%s=csv without %s (or DATA_DIR) is a CONFIG error naming the folder variable", (manager, dir) => {
    expect(() => loadConfig({ [manager]: "csv" })).toThrowError(
      expect.objectContaining({ code: "CONFIG", message: expect.stringContaining(dir) }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { normalizeArgv } from "../src/index.js";

// Spec §10.2: every option has the spellings -long, --long, -short, --short.
const SPELLINGS: [string[], string][] = [
  [["-start-date", "--start-date", "-start", "--start"], "--start"],
  [["-end-date", "--end-date", "-end", "--end"], "--end"],
  [["-target-return", "--target-return", "-target", "--target"], "--target"],
  [["-discount-rate", "--discount-rate", "-discount", "--discount"], "--discount"],
  [["-investment", "--investment", "-invest", "--invest"], "--invest"],
  [["-expiry", "--expiry", "-exp", "--exp"], "--expiry"],
  [["-probability", "--probability", "-prob", "--prob"], "--prob"],
  [["-frontier-steps", "--frontier-steps", "-steps", "--steps"], "--steps"],
  [["-criteria", "--criteria", "-crit", "--crit"], "--criteria"],
  [["-save-file", "--save-file", "-save", "--save"], "--save"],
  [["-key", "--key", "--k"], "--key"],
  [["-value", "--value", "--v"], "--value"],
  [["-sharpe", "--sharpe", "-sh", "--sh"], "--sharpe"],
  [["-json", "--json", "-js", "--js"], "--json"],
  [["-quiet", "--quiet", "--q"], "--quiet"],
  [["-moments", "--moments", "-mom", "--mom"], "--moments"],
  [["-percentiles", "--percentiles", "-per", "--per"], "--percentiles"],
  [["-likelihood", "--likelihood", "-like", "--like"], "--likelihood"],
];

describe("normalizeArgv", () => {
  it.each(SPELLINGS)("%j all become %s", (spellings, canonical) => {
    for (const spelling of spellings) expect(normalizeArgv([spelling])).toEqual([canonical]);
  });

  it("keeps POSIX one-letter shorts, values, negative numbers and symbols", () => {
    expect(normalizeArgv(["rp", "SPY", "-s", "2021-07-14", "-q", "--target", "-0.05"])).toEqual([
      "rp",
      "SPY",
      "-s",
      "2021-07-14",
      "-q",
      "--target",
      "-0.05",
    ]);
  });

  it("keeps inline values and leaves unknown words for the parser to reject", () => {
    expect(normalizeArgv(["-start=2021-07-14", "--frob", "-frob"])).toEqual(["--start=2021-07-14", "--frob", "-frob"]);
  });

  it("stops at --", () => {
    expect(normalizeArgv(["--", "-start"])).toEqual(["--", "-start"]);
  });
});

import { describe, expect, it } from "vitest";
import { runReadmeExample } from "./support/readme-example.js";

describe("README portfolio example", () => {
  it("runs against the sources and prints what the README says", async () => {
    const { printed, expected } = await runReadmeExample("Portfolio optimisation");
    expect(printed).toBe(expected);
  });
});

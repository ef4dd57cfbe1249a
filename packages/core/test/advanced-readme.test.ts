import { describe, expect, it } from "vitest";
import { runReadmeExample } from "./support/readme-example.js";

describe("README example of the constrained, scenario, HRP and Black–Litterman optimisers", () => {
  it("runs against the sources and prints what the README says", async () => {
    const { printed, expected } = await runReadmeExample("Beyond long-only mean-variance");
    expect(printed).toBe(expected);
  });
});

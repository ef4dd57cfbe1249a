import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAlphaVantageKey, ssmParameterReader } from "../src/alpha-vantage-key.js";

interface SsmCall {
  target: string | undefined;
  body: { Name?: string; WithDecryption?: boolean };
}

/** Answers SSM's JSON 1.1 protocol on 127.0.0.1 for one SecureString; the real SDK client talks to it. */
const PARAMETERS: Record<string, string> = { "/scrilla/alpha-vantage-key": "secret-from-ssm" };
const calls: SsmCall[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      const body = JSON.parse(text) as SsmCall["body"];
      calls.push({ target: request.headers["x-amz-target"] as string | undefined, body });
      const value = body.Name === undefined ? undefined : PARAMETERS[body.Name];
      response.setHeader("content-type", "application/x-amz-json-1.1");
      if (value === undefined) {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: "ParameterNotFound", message: "" }));
        return;
      }
      response.end(JSON.stringify({ Parameter: { Name: body.Name, Type: "SecureString", Value: value, Version: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_EC2_METADATA_DISABLED: "true",
  });
});

afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_SSM;
  await new Promise((resolve) => server.close(resolve));
});

describe("ssmParameterReader (the AWS SDK's SSM client over HTTP)", () => {
  it("asks for the parameter decrypted and returns its value", async () => {
    await expect(ssmParameterReader("/scrilla/alpha-vantage-key")).resolves.toBe("secret-from-ssm");
    expect(calls.at(-1)).toEqual({
      target: "AmazonSSM.GetParameter",
      body: { Name: "/scrilla/alpha-vantage-key", WithDecryption: true },
    });
  });

  it("turns a missing parameter into a CONFIG error naming it and the permissions to check", async () => {
    const attempt = resolveAlphaVantageKey({ ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/missing" });
    await expect(attempt).rejects.toMatchObject({ code: "CONFIG" });
    await expect(attempt).rejects.toThrow(/"\/scrilla\/missing" \(ParameterNotFound.*ssm:GetParameter and kms:Decrypt/);
  });

  it("prefers ALPHA_VANTAGE_KEY and then does not call SSM", async () => {
    const before = calls.length;
    await expect(
      resolveAlphaVantageKey({
        ALPHA_VANTAGE_KEY: "direct",
        ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/alpha-vantage-key",
      }),
    ).resolves.toBe("direct");
    expect(calls.length).toBe(before);
  });
});

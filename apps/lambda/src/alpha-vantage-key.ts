import { registerSecret, ScrillaError } from "@scrilla/core";

/** Reads one SecureString parameter, decrypted. Injected so the SSM client loads only when a parameter is named. */
export type ParameterReader = (name: string) => Promise<string | undefined>;

/** The SDK's SSM client (the Lambda runtime ships it, so the bundle keeps it external). */
export const ssmParameterReader: ParameterReader = async (name) => {
  const { SSMClient, GetParameterCommand } = await import("@aws-sdk/client-ssm");
  const client = new SSMClient({});
  try {
    const answer = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    return answer.Parameter?.Value;
  } finally {
    client.destroy();
  }
};

/**
 * The AlphaVantage key: `ALPHA_VANTAGE_KEY` when set (tests, local runs), else the SSM parameter named by
 * `ALPHA_VANTAGE_KEY_PARAMETER` (set by infra on every function), else none
 * (commands that need it then fail with API_KEY_MISSING).
 */
export async function resolveAlphaVantageKey(
  env: Record<string, string | undefined>,
  readParameter: ParameterReader = ssmParameterReader,
): Promise<string | undefined> {
  const direct = env.ALPHA_VANTAGE_KEY?.trim();
  registerSecret(direct);
  if (direct) return direct;
  const parameter = env.ALPHA_VANTAGE_KEY_PARAMETER?.trim();
  if (!parameter) return undefined;
  let value: string | undefined;
  try {
    value = await readParameter(parameter);
  } catch (cause) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new ScrillaError(
      "CONFIG",
      `Could not read the AlphaVantage key from SSM parameter "${parameter}" (${reason}); check that it exists and the function's role may ssm:GetParameter and kms:Decrypt it.`,
      { variable: "ALPHA_VANTAGE_KEY_PARAMETER" },
      { cause },
    );
  }
  if (!value?.trim()) {
    throw new ScrillaError("CONFIG", `SSM parameter "${parameter}" is empty; store the AlphaVantage key in it.`, {
      variable: "ALPHA_VANTAGE_KEY_PARAMETER",
    });
  }
  registerSecret(value);
  return value.trim();
}

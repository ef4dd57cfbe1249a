/**
 * Secrets scrilla was configured with (API keys), so that no message, log line or saved file repeats one: a
 * provider that echoes the key in an error body must not put it on a terminal, in CloudWatch or in a file.
 * Process-wide on purpose: keys are registered where they are read and redacted wherever text leaves.
 */
const secrets = new Set<string>();

/** Values shorter than this would blank out ordinary words; no real API key is that short. */
const MIN_SECRET_LENGTH = 6;

/** `apikey=…`, `api_key=…`, `token=…` in URLs and text, whether or not the value was registered. */
const SECRET_PARAMETER = /\b(apikey|api_key|token)=[^&\s"'#]*/gi;

export function registerSecret(value: string | undefined | null): void {
  const secret = value?.trim();
  if (secret && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
}

/** `text` with every registered secret and every key-bearing URL parameter replaced by `***`. */
export function redactSecrets(text: string): string {
  let redacted = text.replace(SECRET_PARAMETER, "$1=***");
  for (const secret of secrets) if (redacted.includes(secret)) redacted = redacted.split(secret).join("***");
  return redacted;
}

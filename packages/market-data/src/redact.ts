const SECRET_PARAMETER = /\b(apikey|api_key|token)=[^&\s"'#]*/gi;

/** Replaces API key values in URLs (and any text containing them) so keys never reach logs or errors. */
export const redactSecrets = (text: string): string => text.replace(SECRET_PARAMETER, "$1=***");

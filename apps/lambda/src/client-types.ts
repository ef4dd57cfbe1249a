import type { CommandOptionsOf, CommandResult, ComputeCommandName } from "@scrilla/engine";

/**
 * What a client sends to the function of command `C` (direct invocation payload, or the JSON body of a POST
 * to its Function URL). The types come from `@scrilla/engine`'s command table, the one the handler runs.
 */
export interface LambdaRequest<C extends ComputeCommandName> {
  tickers: string[];
  options?: CommandOptionsOf<C>;
}

/** What the function of command `C` answers on success (the HTTP body, or the direct invocation result). */
export type LambdaResult<C extends ComputeCommandName> = CommandResult<C>;

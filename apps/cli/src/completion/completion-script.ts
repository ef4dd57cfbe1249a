import { ScrillaError } from "../light-imports.js";
import { bashCompletion } from "./bash-completion.js";
import { completionModel, SHELLS, type Shell } from "./completion-model.js";
import { fishCompletion } from "./fish-completion.js";
import { zshCompletion } from "./zsh-completion.js";

const GENERATORS: Record<Shell, typeof bashCompletion> = {
  bash: bashCompletion,
  zsh: zshCompletion,
  fish: fishCompletion,
};

/** `scrilla completion <shell>`: the completion script of that shell. */
export function completionScript(shell: string): string {
  const generate = GENERATORS[shell as Shell];
  if (!generate) {
    throw new ScrillaError("INVALID_INPUT", `no completion for "${shell}"; choose one of ${SHELLS.join(", ")}.`);
  }
  return generate(completionModel());
}

import { ScrillaError } from "../light-imports.js";

/**
 * The value for `store` when `--value` is absent, so a key never sits in `ps` output or shell history: piped
 * stdin as is (one trailing newline dropped), or on a terminal a prompt on stderr with the typing not echoed.
 */
export async function readSecret(
  name: string,
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WritableStream,
): Promise<string> {
  const value = stdin.isTTY ? await promptHidden(`${name}: `, stdin, stderr) : await readAll(stdin);
  const trimmed = value.replace(/\r?\n$/, "").trim();
  if (trimmed === "") {
    throw new ScrillaError(
      "INVALID_INPUT",
      `no value for ${name}: pipe it in (… | scrilla store --key ${name}) or type it at the prompt.`,
    );
  }
  return trimmed;
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  let text = "";
  stdin.setEncoding("utf8");
  for await (const chunk of stdin) text += chunk;
  return text;
}

function promptHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WritableStream): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003")
          return done(new ScrillaError("INVALID_INPUT", "store was cancelled (Ctrl-C); nothing was written."));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
}

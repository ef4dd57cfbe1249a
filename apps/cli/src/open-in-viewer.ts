import { spawn } from "node:child_process";
import type { CliLogger } from "./logger.js";

/** The desktop's "open this file" program: xdg-open (Linux, BSD), open (macOS), start (Windows). */
export function systemOpener(platform: NodeJS.Platform, path: string): { command: string; args: string[] } {
  if (platform === "darwin") return { command: "open", args: [path] };
  // start is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', path] };
  return { command: "xdg-open", args: [path] };
}

/**
 * Hands `path` to the system viewer and returns once the opener has started (not when the viewer
 * closes). A missing opener is a warning, not a failure: the file is written either way.
 */
export function openInViewer(path: string, logger: CliLogger, platform = process.platform): Promise<void> {
  const { command, args } = systemOpener(platform, path);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: "ignore", windowsHide: true });
    child.once("spawn", () => {
      child.unref();
      logger.info(`opened ${path} with ${command}`);
      resolve();
    });
    child.once("error", (error) => {
      logger.warn(`cannot open ${path} with ${command} (${error.message}); open the file yourself`);
      resolve();
    });
  });
}

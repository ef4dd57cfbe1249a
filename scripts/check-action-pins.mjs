// Every third-party action in .github/ is pinned to a full commit SHA (a tag can be moved to other code);
// local actions (./…) are exempt. Part of `pnpm lint:workflows`, next to actionlint.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

const unpinned = [];
let checked = 0;
for (const file of files(".github")) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      const uses = line.match(/^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)/)?.[1];
      if (!uses || uses.startsWith("./") || uses.startsWith("docker://")) return;
      checked++;
      if (!/@[0-9a-f]{40}$/.test(uses)) unpinned.push(`${file}:${index + 1}: ${uses}`);
    });
}
if (unpinned.length > 0) {
  console.error(
    `actions not pinned to a commit SHA (use owner/repo@<40-hex sha> # vX.Y.Z):\n  ${unpinned.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`${checked} third-party action references, all pinned to commit SHAs`);

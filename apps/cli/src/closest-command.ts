import type { CommandSpec } from "@scrilla/engine";

/** The command whose name or alias is nearest to a mistyped word (at most 2 edits), for "did you mean". */
export function closestCommand(word: string, specs: readonly CommandSpec[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const spec of specs) {
    for (const candidate of [spec.name, ...spec.aliases]) {
      const distance = editDistance(word.toLowerCase(), candidate);
      if (distance <= 2 && (!best || distance < best.distance)) best = { name: spec.name, distance };
    }
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

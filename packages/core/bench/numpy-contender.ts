/**
 * NumPy as a contender in the same run: one long-lived `python3` that loads the panels once and answers
 * "time corrcoef (or x @ x.T) of panel N once on T threads" requests, so its runs interleave with ours
 * and share the same load. What is timed: `np.corrcoef(x)` from the float64 row-major panel to the
 * N × N float64 matrix (centring copy, x @ x.T, which NumPy hands to BLAS syrk as it is a product with
 * its own transpose, the division by the standard deviations, the clip), or `x @ x.T` alone.
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are removed for this child only (they pin an old kernel on some
 * CPUs); the kernel OpenBLAS then picks and its thread count are reported.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const SCRIPT = String.raw`
import sys, time, glob, os, ctypes, numpy as np
panels = {}
for spec in sys.argv[1:]:
    path, rows, cols = spec.split(",")
    panels[rows] = np.fromfile(path, dtype=np.float64).reshape(int(rows), int(cols))
core = "unknown"
lib = None
try:
    lib = ctypes.CDLL(glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "libscipy_openblas*"))[0])
    lib.scipy_openblas_get_corename64_.restype = ctypes.c_char_p
    core = "%s, %d threads" % (lib.scipy_openblas_get_corename64_().decode(), lib.scipy_openblas_get_num_threads64_())
except Exception:
    pass
def set_threads(n):
    try:
        lib.scipy_openblas_set_num_threads64_(n)
        return lib.scipy_openblas_get_num_threads64_()
    except Exception:
        return 0
print("ready " + np.__version__ + " OpenBLAS " + core, flush=True)
for line in sys.stdin:
    what, rows, threads = line.split()
    x = panels[rows]
    used = set_threads(int(threads))
    start = time.perf_counter()
    cpu = time.thread_time()
    if what == "gram":
        x @ x.T
    else:
        np.corrcoef(x)
    print((time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000, used, flush=True)
`;

export interface NumpyContender {
  /** e.g. "2.4.6 OpenBLAS SkylakeX, 2 threads" */
  version: string;
  /**
   * Wall ms of one `np.corrcoef` (or `x @ x.T` for "gram") of the panel with that many rows, on that many
   * OpenBLAS threads; NaN when the thread count could not be set.
   */
  time(rows: number, what?: "corrcoef" | "gram", threads?: number): Promise<number>;
  /** The same, as CPU ms of the calling thread (meaningful on one thread: unaffected by waiting for a core). */
  cpuTime(rows: number, what: "corrcoef" | "gram"): Promise<number>;
  close(): void;
}

/** Starts NumPy with the given row-major panels, or returns undefined when `python3 -c "import numpy"` fails. */
export async function startNumpy(
  panels: { rows: number; cols: number; values: Float64Array }[],
): Promise<NumpyContender | undefined> {
  if (spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" }).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "scrilla-numpy-"));
  const specs = panels.map(({ rows, cols, values }) => {
    const path = join(dir, `panel-${rows}.f64`);
    writeFileSync(path, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return `${path},${rows},${cols}`;
  });
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const child = spawn("python3", ["-c", SCRIPT, ...specs], { env, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? "");
  const ready = await next();
  rmSync(dir, { recursive: true, force: true });
  if (!ready.startsWith("ready ")) {
    child.kill();
    return undefined;
  }
  const request = async (what: string, rows: number, threads: number) => {
    child.stdin.write(`${what} ${rows} ${threads}\n`);
    return (await next()).split(" ").map(Number);
  };
  return {
    version: ready.slice("ready ".length),
    async time(rows, what = "corrcoef", threads = 2) {
      const [wall, , used] = await request(what, rows, threads);
      return used === threads ? wall! : Number.NaN;
    },
    async cpuTime(rows, what) {
      const [, cpu, used] = await request(what, rows, 1);
      return used === 1 ? cpu! : Number.NaN;
    },
    close: () => {
      child.stdin.end();
    },
  };
}

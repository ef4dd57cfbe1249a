import type { GramKernel } from "./simd-gram-kernel.js";

/**
 * Worker threads that share a Gram kernel's memory and take panel rows from a per-job counter, so both
 * cores work on one X·Xᵀ while its API stays synchronous: the calling thread takes rows too and then
 * blocks in `Atomics.wait` until the last row is done. A worker still starting (or busy elsewhere)
 * simply takes no rows, so no call ever waits for a worker to boot. Node only (`worker_threads`, and
 * `Atomics.wait` on the main thread); a browser keeps the single-threaded kernel. The workers are
 * unref'd: an idle pool never keeps a process alive.
 */
export interface GramWorkerPool {
  /** Runs the kernel over every panel row, using the pool's workers and the calling thread. */
  run(panels: number, cols: number, out: number): void;
  /** Panel rows the workers (not the calling thread) have computed so far. */
  workerRows(): number;
}

/** Evaluated as a CommonJS worker script, so it needs no file of its own (bundles stay self-contained). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { bytes, memory } = workerData;
const { gram } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
parentPort.on("message", ({ claims, panels, cols, out }) => {
  const counters = new Int32Array(claims);
  for (let p = Atomics.add(counters, 0, 1); p < panels; p = Atomics.add(counters, 0, 1)) {
    gram(0, panels, cols, out, p, p + 1);
    Atomics.add(counters, 2, 1);
    if (Atomics.add(counters, 1, 1) + 1 === panels) Atomics.notify(counters, 1);
  }
});
`;

interface WorkerLike {
  postMessage(message: unknown): void;
  unref(): void;
  on(event: "error", listener: (error: unknown) => void): void;
}

interface WorkerThreadsModule {
  Worker: new (source: string, options: { eval: true; workerData: unknown }) => WorkerLike;
  isMainThread: boolean;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

interface NodeOs {
  availableParallelism?: () => number;
  cpus: () => unknown[];
}

/** At most this many workers beside the calling thread: the kernel is memory-bound past a few cores. */
const MAX_WORKERS = 3;

const pools = new Map<GramKernel, GramWorkerPool | null>();

/** The pool for a shared-memory kernel, or undefined where threads are unavailable or pointless (one core). */
export function workerPoolFor(kernel: GramKernel): GramWorkerPool | undefined {
  if (!pools.has(kernel)) pools.set(kernel, createPool(kernel));
  return pools.get(kernel) ?? undefined;
}

function createPool(kernel: GramKernel): GramWorkerPool | null {
  const nodeProcess = (globalThis as { process?: NodeProcess }).process;
  const threads = nodeProcess?.getBuiltinModule?.("node:worker_threads") as WorkerThreadsModule | undefined;
  const os = nodeProcess?.getBuiltinModule?.("node:os") as NodeOs | undefined;
  if (!kernel.shared || !threads?.isMainThread || !os) return null;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const workerCount = Math.min(MAX_WORKERS, cores - 1);
  if (workerCount < 1) return null;
  const workers: WorkerLike[] = [];
  for (let i = 0; i < workerCount; i++) {
    const worker = new threads.Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes: kernel.bytes, memory: kernel.memory },
    });
    // A failed worker takes no rows; the calling thread does them all.
    worker.on("error", () => {});
    worker.unref();
    workers.push(worker);
  }
  let workerRows = 0;
  return {
    workerRows: () => workerRows,
    run(panels, cols, out) {
      // [next row to take, rows done, rows done by workers]; a fresh buffer per job, so a worker that
      // wakes late for an old job finds it exhausted instead of disturbing the current one.
      const counters = new Int32Array(new SharedArrayBuffer(12));
      for (const worker of workers) worker.postMessage({ claims: counters.buffer, panels, cols, out });
      for (let p = Atomics.add(counters, 0, 1); p < panels; p = Atomics.add(counters, 0, 1)) {
        kernel.gram(0, panels, cols, out, p, p + 1);
        Atomics.add(counters, 1, 1);
      }
      for (let done = Atomics.load(counters, 1); done < panels; done = Atomics.load(counters, 1)) {
        Atomics.wait(counters, 1, done);
      }
      workerRows += Atomics.load(counters, 2);
    },
  };
}

/** The services the fixture server imitates. */
export type FixtureService = "alphaVantage" | "alphaVantageCryptoMeta" | "treasury" | "fred";

/**
 * A misbehaviour to serve instead of the recorded answer, `times` times (default 1):
 * - `throttle`: AlphaVantage's per-minute `Note` body (HTTP 200);
 * - `daily-quota`: AlphaVantage's daily-limit `Information` body (HTTP 200);
 * - `http-error`: an HTTP `status` (default 500) with a short text body;
 * - `hang`: accept the request and never answer (the client's timeout must fire);
 * - `trickle`: answer HTTP 200 and then send one byte every `intervalMs` (default 50) and never finish, so the
 *   connection is never idle and only a deadline on the whole answer ends it;
 * - `malformed`: a truncated body (broken JSON, XML or CSV);
 * - `body`: exactly `body` (with `status`, default 200, and `contentType`), e.g. an empty series, a list cut
 *   at a line end, an error page echoing the key, or a body larger than the client accepts.
 * `service` limits the fault to one service; `throttle`/`daily-quota` always target AlphaVantage.
 */
export interface Fault {
  kind: "throttle" | "daily-quota" | "http-error" | "hang" | "trickle" | "malformed" | "body";
  /** `trickle`: the pause between two bytes. */
  intervalMs?: number;
  times?: number;
  status?: number;
  body?: string;
  contentType?: string;
  service?: FixtureService;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

/** Faults in injection order; each request consumes the first one that applies to its service. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  push(fault: Fault): void {
    const remaining = fault.times ?? 1;
    if (!Number.isInteger(remaining) || remaining < 1) throw new RangeError("fault.times must be a positive integer");
    this.queue.push({ fault, remaining });
  }

  take(service: FixtureService): Fault | undefined {
    const index = this.queue.findIndex(({ fault }) => applies(fault, service));
    const entry = this.queue[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }
}

function applies(fault: Fault, service: FixtureService): boolean {
  const target = fault.kind === "throttle" || fault.kind === "daily-quota" ? "alphaVantage" : fault.service;
  return target === undefined || target === service;
}

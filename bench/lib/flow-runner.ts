/** Runs one flow with N workers (one chat each at a time), and gathers the figures of its steady state. */
import { setTimeout as sleep } from 'node:timers/promises';
import { now } from './http';
import { percentiles, type Percentiles } from './stats';

/** What one iteration of a flow reports. */
export interface IterationOutcome {
  /** From the first webhook request to the bot's last Bot API call for it (ms); absent when it failed. */
  latencyMs?: number;
  /** Each webhook request's own latency, by step name ("start", "callback", "skip"…). */
  webhook: { step: string; ms: number }[];
  /** Other named durations of the iteration (ms), e.g. "skip→delivered". */
  phases?: { name: string; ms: number }[];
  /** Problems, by kind: "webhook_status", "webhook_failed", "missing_delivery", "unexpected_reply". */
  errors: { kind: string; detail: string }[];
}

export interface FlowWindow {
  startedAt: number;
  endedAt: number;
  /** Iterations that ended inside the window. */
  iterations: number;
  updates: number;
  latencies: number[];
  webhook: Map<string, number[]>;
  phases: Map<string, number[]>;
  /** Errors of every iteration that ended after the window opened (the tail included). */
  errors: { kind: string; detail: string }[];
  /** Iterations under way when the window closed, finished but not counted. */
  tail: number;
  /** Errors of iterations that ended before the window opened. */
  warmupErrors: { kind: string; detail: string }[];
}

export interface FlowSummary {
  iterations: number;
  updates: number;
  seconds: number;
  iterationsPerSecond: number;
  updatesPerSecond: number;
  latency: Percentiles;
  webhook: Percentiles;
  webhookByStep: Record<string, Percentiles>;
  phases: Record<string, Percentiles>;
}

export interface WindowOptions {
  /** The least time before the window opens; it also waits until every worker has finished one iteration. */
  warmupMs: number;
  durationMs: number;
  /**
   * Mean pause of each worker between its iterations (ms), drawn from 0.5–1.5 × this, and a first
   * start spread over it: chats that write at a human pace instead of a closed loop. 0: no pause.
   */
  thinkMs?: number;
  /** Called when the window opens and closes (samples counters, starts and stops a profile). */
  onOpen: () => Promise<void>;
  onClose: () => Promise<void>;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}

/**
 * Runs `iteration` in `workers` loops, without a pause or with a think time between iterations. The measured window opens once the warm-up
 * time has passed and every worker has finished an iteration (the loop is in its steady state), and
 * lasts `durationMs` (longer if a worker has not finished an iteration inside it yet); what ends
 * inside it counts. No iteration starts after it closes.
 */
export async function runWorkers(
  workers: number,
  options: WindowOptions,
  iteration: (worker: number) => Promise<IterationOutcome>,
): Promise<FlowWindow> {
  const window: FlowWindow = {
    startedAt: 0,
    endedAt: 0,
    iterations: 0,
    updates: 0,
    latencies: [],
    webhook: new Map(),
    phases: new Map(),
    errors: [],
    tail: 0,
    warmupErrors: [],
  };
  const startedAt = now();
  const warm = new Set<number>();
  let opening: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let closeTimer: NodeJS.Timeout | undefined;

  // The window closes after durationMs, and not before every worker has finished an iteration inside it
  // (a flow slower than the window would otherwise measure nothing).
  const measured = new Set<number>();
  let durationElapsed = false;
  const maybeClose = () => {
    if (window.endedAt || !durationElapsed || measured.size < workers) return;
    window.endedAt = now();
    closing = options.onClose();
  };
  const maybeOpen = () => {
    if (opening || warm.size < workers || now() - startedAt < options.warmupMs) return;
    window.startedAt = now();
    opening = options.onOpen();
    closeTimer = setTimeout(() => {
      durationElapsed = true;
      maybeClose();
    }, options.durationMs);
  };
  const warmupTimer = setTimeout(maybeOpen, options.warmupMs);

  const record = (outcome: IterationOutcome, endedAt: number) => {
    if (!window.startedAt || endedAt < window.startedAt) {
      window.warmupErrors.push(...outcome.errors);
      return;
    }
    window.errors.push(...outcome.errors);
    if (window.endedAt && endedAt > window.endedAt) {
      window.tail++;
      return;
    }
    window.iterations++;
    window.updates += outcome.webhook.length;
    for (const { step, ms } of outcome.webhook) push(window.webhook, step, ms);
    if (outcome.errors.length > 0) return;
    if (outcome.latencyMs !== undefined) window.latencies.push(outcome.latencyMs);
    for (const { name, ms } of outcome.phases ?? []) push(window.phases, name, ms);
  };

  const think = options.thinkMs ?? 0;
  const loop = async (worker: number) => {
    if (think) await sleep(Math.random() * think);
    while (!window.endedAt) {
      let outcome: IterationOutcome;
      try {
        outcome = await iteration(worker);
      } catch (error) {
        outcome = { webhook: [], errors: [{ kind: 'driver', detail: (error as Error).message }] };
      }
      const endedAt = now();
      record(outcome, endedAt);
      if (window.startedAt && endedAt >= window.startedAt) measured.add(worker);
      warm.add(worker);
      maybeOpen();
      maybeClose();
      if (think && !window.endedAt) await sleep(think * (0.5 + Math.random()));
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, i) => loop(i)));
  clearTimeout(warmupTimer);
  clearTimeout(closeTimer);
  await opening;
  await closing;
  return window;
}

export function summarize(window: FlowWindow): FlowSummary {
  const seconds = (window.endedAt - window.startedAt) / 1000;
  const all = [...window.webhook.values()].flat();
  return {
    iterations: window.iterations,
    updates: window.updates,
    seconds: Math.round(seconds * 100) / 100,
    iterationsPerSecond: Math.round((window.iterations / seconds) * 10) / 10,
    updatesPerSecond: Math.round((window.updates / seconds) * 10) / 10,
    latency: percentiles(window.latencies),
    webhook: percentiles(all),
    webhookByStep: Object.fromEntries([...window.webhook].map(([step, list]) => [step, percentiles(list)])),
    phases: Object.fromEntries([...window.phases].map(([name, list]) => [name, percentiles(list)])),
  };
}

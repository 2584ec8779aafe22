/** The driver's side of bench/stand-in-process.ts: start it, command it, and wait for the bot's calls per chat. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { StandInCall, ToDriver, ToStandIn } from './ipc';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface CallWaiter {
  matches: (call: StandInCall) => boolean;
  resolve: (call: StandInCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class StandInClient {
  url = '';
  checksConformance = false;
  /** Calls answered with an error, since the last takeFailures(). */
  private failures: StandInCall[] = [];
  private callCount = 0;
  private readonly byMethod = new Map<string, number>();
  private readonly waiters = new Map<number, Set<CallWaiter>>();
  private readonly recorders = new Set<(call: StandInCall) => void>();
  private readonly acks = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private seq = 0;
  private exited = false;

  private constructor(private readonly child: ChildProcess) {}

  static async start(projectRoot: string, specPath: string, log: (line: string) => void, timeoutMs = 60_000): Promise<StandInClient> {
    const child = fork(join(projectRoot, 'bench', 'stand-in-process.ts'), [specPath], {
      cwd: projectRoot,
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => log(`[stand-in] ${chunk.toString().trimEnd()}`));
    child.stderr?.on('data', (chunk: Buffer) => log(`[stand-in] ${chunk.toString().trimEnd()}`));
    const client = new StandInClient(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the stand-in did not start within ${timeoutMs} ms`)), timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the stand-in process exited with ${code} before it was ready`));
      });
      child.on('message', (raw) => {
        const message = raw as ToDriver;
        if (message.type === 'ready') {
          client.url = message.url;
          client.checksConformance = message.checksConformance;
          clearTimeout(timer);
          resolve();
        } else client.onMessage(message, log);
      });
    });
    child.on('exit', () => {
      client.exited = true;
      for (const ack of client.acks.values()) ack.reject(new Error('the stand-in process exited'));
      client.acks.clear();
    });
    return client;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get calls(): number {
    return this.callCount;
  }

  /** Calls per method so far. */
  callsByMethod(): Record<string, number> {
    return Object.fromEntries(this.byMethod);
  }

  /** Sends a command and waits for the stand-in to have carried it out. */
  command(message: DistributiveOmit<Exclude<ToStandIn, { type: 'stop' }>, 'seq'>, timeoutMs = 10_000): Promise<void> {
    if (this.exited) return Promise.reject(new Error('the stand-in process is not running'));
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(seq);
        reject(new Error(`the stand-in did not acknowledge ${message.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(seq, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...message, seq } as ToStandIn);
    });
  }

  /** Resolves with the first call to `chatId` that matches, made from now on. */
  waitForCall(chatId: number, matches: (call: StandInCall) => boolean, timeoutMs: number): Promise<StandInCall> {
    return new Promise<StandInCall>((resolve, reject) => {
      let set = this.waiters.get(chatId);
      if (!set) {
        set = new Set();
        this.waiters.set(chatId, set);
      }
      const waiters = set;
      const waiter: CallWaiter = {
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          if (waiters.size === 0) this.waiters.delete(chatId);
          reject(new Error(`no matching Bot API call to chat ${chatId} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  /** Failed Bot API calls since the last call of this method. */
  takeFailures(): StandInCall[] {
    const failures = this.failures;
    this.failures = [];
    return failures;
  }

  async stop(timeoutMs = 5000): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      this.child.send({ type: 'stop' } satisfies ToStandIn);
    } catch {
      // the channel is already closed
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Last resort (process exit): no waiting. */
  kill(): void {
    if (!this.exited && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private onMessage(message: ToDriver, log: (line: string) => void): void {
    switch (message.type) {
      case 'calls':
        for (const call of message.calls) this.onCall(call);
        return;
      case 'ack': {
        const ack = this.acks.get(message.seq);
        this.acks.delete(message.seq);
        if (message.error) ack?.reject(new Error(message.error));
        else ack?.resolve();
        return;
      }
      case 'log':
        log(`[stand-in] ${message.line}`);
        return;
      case 'ready':
        return;
    }
  }

  /** Records every call to the given chats from now on, in the order they reached the stand-in, until `stop`. */
  record(chatIds: Iterable<number>): { calls: Map<number, StandInCall[]>; stop: () => void } {
    const calls = new Map<number, StandInCall[]>([...chatIds].map((id) => [id, []]));
    const recorder = (call: StandInCall) => {
      if (call.chat_id !== undefined) calls.get(call.chat_id)?.push(call);
    };
    this.recorders.add(recorder);
    return { calls, stop: () => this.recorders.delete(recorder) };
  }

  private onCall(call: StandInCall): void {
    this.callCount++;
    for (const recorder of this.recorders) recorder(call);
    this.byMethod.set(call.method, (this.byMethod.get(call.method) ?? 0) + 1);
    if (!call.ok) this.failures.push(call);
    if (call.chat_id === undefined) return;
    const waiters = this.waiters.get(call.chat_id);
    if (!waiters) return;
    for (const waiter of waiters) {
      if (!waiter.matches(call)) continue;
      clearTimeout(waiter.timer);
      waiters.delete(waiter);
      waiter.resolve(call);
    }
    if (waiters.size === 0) this.waiters.delete(call.chat_id);
  }
}

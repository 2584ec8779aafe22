/*
 * Preloaded into the app by bench/run.ts (`node -r ./bench/count-queries.js …`); never used by the app itself.
 *
 * - Counts every statement the app sends to PostgreSQL: it wraps pg's Client.prototype.query,
 *   which TypeORM, pg.Pool and the migrations all go through. Counts Redis commands the same way.
 * - Can capture the statements (text, parameters, which connection) between two commands, so the
 *   driver can replay one reading's SQL without the app (the "ceiling").
 * - Can start and stop a CPU profile of the app (node:inspector, same format as --cpu-prof).
 *
 * It answers on a small HTTP server on 127.0.0.1:$BENCH_CONTROL_PORT:
 *   GET  /count              {"statements": n, "redisCommands": n, "redisByCommand": {SET: n, …}}
 *   GET  /memory[?gc=1]      process.memoryUsage() of the app (after a full garbage collection with gc=1)
 *   GET  /event-loop         event loop delay (ms) since the last POST /event-loop, which also resets it
 *   POST /capture/start      starts recording statements
 *   POST /capture/stop       stops and answers {"statements": [{at, client, text, values, rows}]}
 *   POST /profile/start      starts the CPU profiler
 *   POST /profile/stop?file= stops it and writes the .cpuprofile to that path
 */
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const inspector = require('node:inspector');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const pg = require('pg');

const port = Number(process.env.BENCH_CONTROL_PORT);
let statements = 0;
let redisCommands = 0;
const redisByCommand = {};
let capture = null;
const clientIds = new WeakMap();
let nextClientId = 1;

/** Parameters as JSON that keeps what pg would send: Dates are marked so that a replay can rebuild them. */
function portable(value) {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $buffer: value.toString('base64') };
  if (Array.isArray(value)) return value.map(portable);
  if (value && typeof value === 'object') {
    if (typeof value.toPostgres === 'function') return String(value.toPostgres(String));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, portable(v)]));
  }
  return value;
}

function describe(config, values) {
  if (typeof config === 'string') return { text: config, values: values };
  if (config && typeof config === 'object') return { text: config.text, values: config.values !== undefined ? config.values : values };
  return { text: String(config), values: values };
}

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  statements++;
  if (!capture) return originalQuery.apply(this, arguments);
  if (!clientIds.has(this)) clientIds.set(this, nextClientId++);
  const { text, values: params } = describe(config, typeof values === 'function' ? undefined : values);
  const entry = {
    at: performance.timeOrigin + performance.now(),
    client: clientIds.get(this),
    text,
    values: params === undefined ? [] : portable(params),
    rows: null,
  };
  capture.push(entry);
  const result = originalQuery.apply(this, arguments);
  // Keep the returned rows too: the replay maps ids the database handed out (RETURNING id) to new ones.
  if (result && typeof result.then === 'function') {
    result.then(
      (res) => {
        const list = Array.isArray(res) ? res : [res];
        entry.rows = list.map((r) => (r && Array.isArray(r.rows) ? portable(r.rows) : null));
      },
      (error) => {
        entry.error = error && error.message;
      },
    );
  }
  return result;
};

// Redis commands too (node-redis: every command, script and MULTI goes through sendCommand).
try {
  const RedisClient = require('@redis/client/dist/lib/client').default;
  const originalSend = RedisClient.prototype.sendCommand;
  RedisClient.prototype.sendCommand = function countedSend(args, options) {
    redisCommands++;
    const name = Array.isArray(args) && args.length ? String(args[0]).toUpperCase() : '?';
    redisByCommand[name] = (redisByCommand[name] || 0) + 1;
    return originalSend.call(this, args, options);
  };
} catch (error) {
  process.stderr.write(`bench/count-queries.js: cannot count Redis commands (${error.message})\n`);
}

// How long callbacks waited for the event loop (a synchronous task blocks every other update meanwhile).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

let profiler = null;

function post(session, method, params) {
  return new Promise((resolve, reject) =>
    session.post(method, params || {}, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  const reply = (status, body) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method === 'GET' && url.pathname === '/count') return reply(200, { statements, redisCommands, redisByCommand });
  if (request.method === 'GET' && url.pathname === '/memory') {
    if (url.searchParams.get('gc') === '1') {
      // A full collection first, so that the heap figure is what is retained, not garbage not yet collected.
      const session = new inspector.Session();
      session.connect();
      try {
        await post(session, 'HeapProfiler.collectGarbage');
      } finally {
        session.disconnect();
      }
    }
    return reply(200, process.memoryUsage());
  }
  if (url.pathname === '/event-loop') {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const body = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max), mean: ms(loopDelay.mean) };
    if (request.method === 'POST') loopDelay.reset();
    return reply(200, body);
  }
  if (request.method === 'POST' && url.pathname === '/capture/start') {
    capture = [];
    return reply(200, { ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/capture/stop') {
    const captured = capture || [];
    capture = null;
    return reply(200, { statements: captured });
  }
  if (request.method === 'POST' && url.pathname === '/profile/start') {
    if (profiler) return reply(409, { error: 'already profiling' });
    profiler = new inspector.Session();
    profiler.connect();
    await post(profiler, 'Profiler.enable');
    await post(profiler, 'Profiler.setSamplingInterval', { interval: 1000 });
    await post(profiler, 'Profiler.start');
    return reply(200, { ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/profile/stop') {
    if (!profiler) return reply(409, { error: 'not profiling' });
    const { profile } = await post(profiler, 'Profiler.stop');
    profiler.disconnect();
    profiler = null;
    const file = url.searchParams.get('file');
    if (file) fs.writeFileSync(file, JSON.stringify(profile));
    return reply(200, { ok: true, file });
  }
  return reply(404, { error: 'not found' });
}

if (port) {
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: String(error && error.message) }));
    });
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}

// The app must not outlive the benchmark: leave when the driver is gone, or after the time it was given.
const parent = Number(process.env.BENCH_PARENT_PID);
if (parent) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.stderr.write('bench/count-queries.js: the benchmark driver is gone; exiting\n');
      process.exit(1);
    }
  }, 1000).unref();
}
const lifetime = Number(process.env.BENCH_MAX_LIFETIME_S);
if (lifetime) {
  setTimeout(() => {
    process.stderr.write(`bench/count-queries.js: still running after ${lifetime} s; exiting\n`);
    process.exit(1);
  }, lifetime * 1000).unref();
}

// An open-loop load generator: requests arrive as independent people would, at random moments
// (a Poisson process, from a fixed seed, so runs repeat) at a set average rate, whether or not
// earlier answers have come back. Each latency is counted from the moment the request was due,
// so one that waited for a free connection (or for this process) counts its wait too.
//
// autocannon's `overallRate` is not that. Each connection sends its share of a second back to
// back at the top of every second (32 connections: 32 requests at once, then silence), and its
// correction for coordinated omission assumes one request a millisecond, so every answer is
// counted once for each millisecond it took. Both inflate a p99 measured at a given load.
import http from 'node:http';

/**
 * `rate` requests a second for `duration` seconds over at most `connections` kept-alive
 * connections; `requestFor(i)` gives the i-th request. Answers as load-worker.mjs does.
 *
 * @param {{ url: string,
 *   requestFor: (i: number) => { method: string, path: string, headers: Record<string, string>, body?: string },
 *   duration: number, connections: number, rate: number }} options
 */
export async function openLoop({ url, requestFor, duration, connections, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const due = arrivals(rate, duration);
  const latencies = [];
  const statusCodes = {};
  let errors = 0;
  const start = performance.now();

  const send = (i) =>
    new Promise((resolve) => {
      const { method, path, headers, body } = requestFor(i);
      const length = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
      const request = http.request(
        { host: target.hostname, port: target.port, method, path, headers: { ...headers, ...length }, agent },
        (response) => {
          response.resume();
          response.on('end', () => {
            const code = String(response.statusCode);
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            if (code.startsWith('2')) latencies.push(performance.now() - (start + due[i]));
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(body);
    });

  const inFlight = [];
  for (let i = 0; i < due.length; i++) {
    const wait = start + due[i] - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
  agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const twoxx = sorted.length;
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    twoxx,
    duration: (performance.now() - start) / 1000,
    p50: at(0.5),
    p99: at(0.99),
    non2xx: answered - twoxx,
    errors,
    statusCodes,
  };
}

/** When each request is due, in ms from the start: exponential gaps of mean 1000 / rate. */
function arrivals(rate, duration) {
  const random = mulberry32(0x6d757374);
  const times = [];
  for (let t = 0; ; ) {
    t += (-Math.log(1 - random()) * 1000) / rate;
    if (t >= duration * 1000) return times;
    times.push(t);
  }
}

/** A small seeded generator of numbers in [0, 1): the same arrivals in every run. */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

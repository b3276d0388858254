import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openLoop } from '../bench/open-loop.mjs';

// The benchmark's p99 at a set load (SPEC §8) comes from this generator: its latencies must count
// the wait of a request that was due while the server was busy, and its arrivals must not come in
// bursts. These hold it to both against a server whose speed is known.

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers each request `ms` after it arrives, and counts how many it holds at once. */
async function slowServer(ms: number) {
  const seen = { requests: 0, mostAtOnce: 0, atOnce: 0 };
  server = createServer((_request, response) => {
    seen.requests += 1;
    seen.atOnce += 1;
    seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.atOnce);
    setTimeout(() => {
      seen.atOnce -= 1;
      response.end('ok');
    }, ms);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const get = () => ({ method: 'GET', path: '/', headers: {} });

describe('the open-loop load generator', () => {
  it('sends about rate × duration requests, at random moments rather than all at once', async () => {
    const { url, seen } = await slowServer(5);
    const result = await openLoop({ url, requestFor: get, duration: 1, connections: 50, rate: 200 });
    // A Poisson count of mean 200 from a fixed seed; 150–250 holds it to the rate.
    expect(result.twoxx).toBeGreaterThan(150);
    expect(result.twoxx).toBeLessThan(250);
    expect(result.twoxx).toBe(seen.requests);
    // Answered in 5 ms, 200 a second hardly overlap; a burst at the top of the second would.
    expect(seen.mostAtOnce).toBeLessThan(15);
    expect(result.p50).toBeGreaterThanOrEqual(5);
    expect(result.p50).toBeLessThan(50);
  });

  it('counts the wait of a request that was due while every connection was busy', async () => {
    // One connection, 50 ms an answer: 20 a second at most, and 40 a second offered. Each answer
    // takes 50 ms once sent, but the queue grows for the whole second, and the latency counts it.
    const { url } = await slowServer(50);
    const result = await openLoop({ url, requestFor: get, duration: 1, connections: 1, rate: 40 });
    expect(result.twoxx).toBeGreaterThan(25);
    expect(result.p99).toBeGreaterThan(500);
  });

  it('tells answers that are not 2xx apart', async () => {
    server = createServer((_request, response) => {
      response.statusCode = 429;
      response.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await openLoop({ url, requestFor: get, duration: 0.5, connections: 4, rate: 40 });
    expect(result.twoxx).toBe(0);
    expect(result.non2xx).toBeGreaterThan(0);
    expect(result.statusCodes['429']).toBe(result.non2xx);
  });
});

// The load generator, in a process of its own (forked by bench/load.ts), so it never shares a
// thread or an event loop with the server it measures. Receives { url, paths, headers, bodies,
// method, duration, connections, overallRate } over IPC and sends back the aggregated result.
// With bodies (POST), each request also comes from its own client address (X-Forwarded-For), as
// real clients behind a proxy would; `headerSets` cycle like paths (one API token per request).
// As many requests as the server answers: autocannon. A set rate: the open loop of open-loop.mjs.
import autocannon from 'autocannon';
import { openLoop } from './open-loop.mjs';

process.once('message', async (options) => {
  const { url, paths, headers, headerSets, bodies, method, duration, connections, overallRate } = options;
  const requestFor = (i) => {
    const client = bodies ? { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } : {};
    const rotating = headerSets ? headerSets[i % headerSets.length] : {};
    return {
      method: method ?? 'GET',
      path: paths[i % paths.length],
      headers: { ...headers, ...rotating, ...client },
      ...(bodies ? { body: bodies[i % bodies.length] } : {}),
    };
  };
  const result = overallRate
    ? await openLoop({ url, requestFor, duration, connections, rate: overallRate })
    : await closedLoop({ url, requestFor, duration, connections });
  process.send(result, () => process.exit(0));
});

async function closedLoop({ url, requestFor, duration, connections }) {
  let n = 0;
  const result = await autocannon({
    url,
    duration,
    connections,
    requests: [{ setupRequest: (request) => ({ ...request, ...requestFor(n++) }) }],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  return {
    twoxx: result['2xx'],
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

// The load generator, in a process of its own (forked by bench/load.ts), so it never shares a
// thread or an event loop with the server it measures. Receives { url, paths, headers, bodies,
// method, duration, connections, overallRate } over IPC and sends back the aggregated result.
// With bodies (POST), each request also comes from its own client address (X-Forwarded-For), as
// real clients behind a proxy would; `headerSets` cycle like paths (one API token per request).
import autocannon from 'autocannon';

process.once('message', async (options) => {
  const { url, paths, headers, headerSets, bodies, method, duration, connections, overallRate } = options;
  let n = 0;
  const result = await autocannon({
    url,
    duration,
    connections,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        setupRequest: (request) => {
          const i = n++;
          const client = bodies
            ? { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }
            : {};
          const rotating = headerSets ? headerSets[i % headerSets.length] : {};
          return {
            ...request,
            method: method ?? 'GET',
            path: paths[i % paths.length],
            headers: { ...headers, ...rotating, ...client },
            ...(bodies ? { body: bodies[i % bodies.length] } : {}),
          };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  process.send(
    {
      twoxx: result['2xx'],
      duration: result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statusCodes,
    },
    () => process.exit(0),
  );
});

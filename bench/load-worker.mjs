// Runs autocannon on its own thread, so the load generator does not share the event loop of the
// server it measures. Receives { url, paths, headers, bodies, method, duration, connections,
// overallRate } and posts back the aggregated result. With bodies (POST), each request also
// comes from its own client address (X-Forwarded-For), as real clients behind a proxy would.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, headers, bodies, method, duration, connections, overallRate } = workerData;
let n = 0;
const raw = await autocannon({
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
        return {
          ...request,
          method: method ?? 'GET',
          path: paths[i % paths.length],
          headers: { ...headers, ...client },
          ...(bodies ? { body: bodies[i % bodies.length] } : {}),
        };
      },
    },
  ],
});
// Inside a worker thread autocannon returns its raw histograms; aggregate them as the main thread would.
const result = autocannon.aggregateResult([raw], { url, connections });
parentPort.postMessage({
  twoxx: result['2xx'],
  duration: result.duration,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
});

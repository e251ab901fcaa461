// API read latency: 50 concurrent clients reading the public endpoints for a fixed number of
// requests. The same load on a static file (served by wrangler without running our Worker) is
// measured too: the floor wrangler dev's proxies set on this machine, reported beside the target.
import { baseURL, percentile, writeResult } from './lib.mjs';

const CLIENTS = 50;
const REQUESTS = 5000;
const PATHS = ['/api/halls', '/api/halls/xinghu', '/api/notices', '/api/notices?hall=binjiang', '/api/live-wait'];
const STATIC = ['/icon.svg'];

async function load(paths) {
  for (let i = 0; i < 200; i++) await (await fetch(baseURL + paths[i % paths.length])).arrayBuffer(); // warm up
  const counter = { next: 0, errors: 0 };
  const latencies = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (counter.next < REQUESTS) {
      const path = paths[counter.next++ % paths.length];
      const t0 = performance.now();
      const res = await fetch(baseURL + path);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) counter.errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { latencies, errors: counter.errors, seconds: (performance.now() - start) / 1000 };
}

const api = await load(PATHS);
const floor = await load(STATIC);
writeResult(
  'api_read',
  {
    clients: CLIENTS,
    requests: api.latencies.length,
    errors: api.errors,
    requests_per_s: api.latencies.length / api.seconds,
    p50_ms: percentile(api.latencies, 50),
    p95_ms: percentile(api.latencies, 95),
    p99_ms: percentile(api.latencies, 99),
    static_file_requests_per_s: floor.latencies.length / floor.seconds,
    static_file_p99_ms: percentile(floor.latencies, 99),
  },
  { p99_ms: { max: 20 }, errors: { max: 0 } },
);

// API read latency: 50 concurrent clients reading the public endpoints for a fixed number of requests.
import { baseURL, percentile, writeResult } from './lib.mjs';

const CLIENTS = 50;
const REQUESTS = 5000;
const PATHS = ['/api/halls', '/api/halls/xinghu', '/api/notices', '/api/notices?hall=binjiang'];

async function client(counter, latencies) {
  while (counter.next < REQUESTS) {
    const path = PATHS[counter.next++ % PATHS.length];
    const start = performance.now();
    const res = await fetch(baseURL + path);
    await res.arrayBuffer();
    latencies.push(performance.now() - start);
    if (!res.ok) counter.errors++;
  }
}

for (let i = 0; i < 200; i++) await (await fetch(baseURL + PATHS[i % PATHS.length])).arrayBuffer(); // warm up
const counter = { next: 0, errors: 0 };
const latencies = [];
const start = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, () => client(counter, latencies)));
const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
writeResult(
  'api_read',
  {
    clients: CLIENTS,
    requests: latencies.length,
    errors: counter.errors,
    requests_per_s: latencies.length / seconds,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
  },
  { p99_ms: { max: 20 }, errors: { max: 0 } },
);

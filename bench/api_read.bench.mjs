// API read latency, as ratios to the floor of this machine. `wrangler dev` on two cores cannot
// serve even a static file at the production target (p99 ≤ 20 ms under 50 clients: 130 ms
// measured), so each figure here is compared with a static file (/icon.svg, served through the
// same Worker and proxies) from the same run:
// - one client at a time: each public read's p50 within 1.5× of the static file's p50;
// - 50 concurrent clients: the API's p99 within 1.3× of the static file's p99.
import { baseURL, percentile, writeResult } from './lib.mjs';

const CLIENTS = 50;
const REQUESTS = 5000;
const SINGLE = 300; // one client: requests per path
const PATHS = ['/api/halls', '/api/halls/xinghu', '/api/notices', '/api/notices?hall=binjiang', '/api/live-wait'];
const STATIC = ['/icon.svg'];

async function timed(path) {
  const t0 = performance.now();
  const res = await fetch(baseURL + path);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, ok: res.ok };
}

async function warmUp(paths) {
  for (let i = 0; i < 200; i++) await timed(paths[i % paths.length]);
}

/** `clients` concurrent clients share `total` requests over `paths`. */
async function load(paths, clients, total) {
  const counter = { next: 0, errors: 0 };
  const latencies = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (counter.next < total) {
      const { ms, ok } = await timed(paths[counter.next++ % paths.length]);
      latencies.push(ms);
      if (!ok) counter.errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { latencies, errors: counter.errors, seconds: (performance.now() - start) / 1000 };
}

await warmUp([...PATHS, ...STATIC]);

// One client: the paths interleaved with the static file, so drift hits both alike.
const single = Object.fromEntries([...STATIC, ...PATHS].map((p) => [p, []]));
let errors = 0;
for (let i = 0; i < SINGLE; i++) {
  for (const path of [...STATIC, ...PATHS]) {
    const { ms, ok } = await timed(path);
    single[path].push(ms);
    if (!ok) errors++;
  }
}
const p50 = (list) => percentile([...list].sort((a, b) => a - b), 50);
const floorP50 = p50(single[STATIC[0]]);
const ratios = Object.fromEntries(PATHS.map((p) => [p, p50(single[p]) / floorP50]));
const worst = Object.entries(ratios).sort((a, b) => b[1] - a[1])[0];

const api = await load(PATHS, CLIENTS, REQUESTS);
const floor = await load(STATIC, CLIENTS, REQUESTS);
errors += api.errors + floor.errors;

const figures = {
  single_client_static_p50_ms: floorP50,
  ...Object.fromEntries(PATHS.map((p) => [`single_client_p50_ms ${p}`, p50(single[p])])),
  ...Object.fromEntries(PATHS.map((p) => [`single_client_p50_ratio ${p}`, ratios[p]])),
  single_client_worst_path: worst[0],
  single_client_worst_p50_ratio: worst[1],
  clients: CLIENTS,
  requests: api.latencies.length,
  requests_per_s: api.latencies.length / api.seconds,
  p50_ms: percentile(api.latencies, 50),
  p95_ms: percentile(api.latencies, 95),
  p99_ms: percentile(api.latencies, 99),
  static_file_requests_per_s: floor.latencies.length / floor.seconds,
  static_file_p99_ms: percentile(floor.latencies, 99),
  p99_ratio_to_static: percentile(api.latencies, 99) / percentile(floor.latencies, 99),
  errors,
};
writeResult('api_read', figures, {
  single_client_worst_p50_ratio: { max: 1.5 },
  p99_ratio_to_static: { max: 1.3 },
  errors: { max: 0 },
});

// The ten most frequent reads, one at a time, on the demo city and on a generated city
// (scripts/scale-data.sh; run by bench/scale.sh as `make bench B=scale`). The same customer,
// project and halls are read in both, so only the size of the tables differs. The two servers
// are up together and each read alternates between them, so a slow moment of the machine
// falls on both and not on one city's whole run. Each read names its time (x-test-now,
// honoured by the test servers) so no cache answers it.
// Usage: DEMO_URL=… GRIDHALL_URL=… node bench/scale.mjs   (GRIDHALL_URL: the generated city)
import { readFileSync } from 'node:fs';
import { baseURL, percentile, writeResult } from './lib.mjs';

const ROUNDS = 100;
// A Worker in service has run each handler many times: its code is compiled by the optimising
// tier and its pages are in memory. Fewer warm-up reads measured the first tier on the city's
// longer lists (a page of 50 projects against the demo hall's 5).
const WARM_UP = 30;
const now = new Date().toISOString();
const day = (back) => new Date(Date.now() - back * 86400000).toISOString().slice(0, 10);

async function loginAt(url, name) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { origin: url }, body: JSON.stringify({ login: name, password: 'Gridhall2026' }),
  });
  if (!res.ok) throw new Error(`login ${name} at ${url}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** One city's server and the sessions its reads are made with. */
async function city(url) {
  const [customer, staff, manager, admin] = await Promise.all(
    ['13800138001', 'staff.xinghu.1', 'manager.xinghu', 'admin'].map((name) => loginAt(url, name)));
  const projects = await (await fetch(`${url}/api/projects`, { headers: { cookie: staff } })).json();
  return { url, customer, staff, manager, admin, project: projects[0].id };
}

const cities = { demo: await city(process.env.DEMO_URL), city: await city(baseURL) };

const READS = {
  bills: [() => '/api/utility-accounts/3301000001/bills', 'customer'],
  usage: [() => '/api/utility-accounts/3301000001/usage', 'customer'],
  hall_page: [() => '/api/halls/xinghu', null],
  live_wait: [() => '/api/live-wait', null],
  notices: [() => '/api/notices', null],
  project_page: [(c) => `/api/projects/${c.project}`, 'staff'],
  project_board: [() => '/api/projects', 'staff'],
  firm_directory: [() => '/api/firms', null],
  work_order_board: [() => '/api/work-orders', 'staff'],
  city_dashboard_30_days: [() => `/api/ops/dashboard?from=${day(30)}&to=${day(1)}`, 'admin'],
  // A hall's last 30 days, as its manager downloads it: a hall of the generated city has the
  // plan's density (about 33,000 accounts), so this is the file a hall of the real city gets.
  durations_csv: [() => '/api/project-reports/durations.csv', 'manager'],
};
// Read on the city only, with a bound of its own instead of a ratio: the whole city's month is
// as long as the city is large (every stage finished or under way in it is a line).
const CITY_ONLY = {
  durations_csv_whole_city: [() => '/api/project-reports/durations.csv', 'admin'],
};

async function timed(c, [path, who]) {
  const headers = { 'x-test-now': now, origin: c.url, ...(who ? { cookie: c[who] } : {}) };
  const t0 = performance.now();
  const res = await fetch(c.url + path(c), { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${c.url}${path(c)}: ${res.status}`);
  return performance.now() - t0;
}

/** p95 of each read in each city, the two cities' reads alternating. */
async function measure(reads, names) {
  const p95 = Object.fromEntries(names.map((n) => [n, {}]));
  for (const [read, spec] of Object.entries(reads)) {
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < WARM_UP + ROUNDS; i++) {
      for (const n of names) {
        const t = await timed(cities[n], spec);
        if (i >= WARM_UP) times[n].push(t);
      }
    }
    for (const n of names) p95[n][read] = percentile(times[n].sort((a, b) => a - b), 95);
  }
  return p95;
}

const both = await measure(READS, ['demo', 'city']);
const cityOnly = await measure(CITY_ONLY, ['city']);
const made = JSON.parse(readFileSync(`${process.env.STATE_DIR}/scale.json`, 'utf8'));
const figures = { accounts: made.accounts, generator_load_seconds: made.load_seconds };
const targets = {};
for (const name of Object.keys(READS)) {
  figures[`demo_p95_ms ${name}`] = both.demo[name];
  figures[`city_p95_ms ${name}`] = both.city[name];
  figures[`ratio ${name}`] = both.city[name] / both.demo[name];
  targets[`ratio ${name}`] = { max: 1.5 };
}
targets['city_p95_ms city_dashboard_30_days'] = { max: 1000 };
for (const name of Object.keys(CITY_ONLY)) {
  figures[`city_p95_ms ${name}`] = cityOnly.city[name];
  targets[`city_p95_ms ${name}`] = { max: 1000 };
}
writeResult('scale', figures, targets);

// The ten most frequent reads, one at a time, on the demo city and on a generated city
// (scripts/scale-data.sh; run by bench/scale.sh as `make bench B=scale`). The same customer,
// project and halls are read in both, so only the size of the tables differs. Each read names
// its time (x-test-now, honoured by the test servers) so no cache answers it.
// Usage: node bench/scale.mjs demo|city   (GRIDHALL_URL: the server of that city)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { baseURL, login, percentile, writeResult } from './lib.mjs';

const phase = process.argv[2];
const ROUNDS = 40;
// A Worker in service has run each handler many times: its code is compiled by the optimising
// tier and its pages are in memory. Fewer warm-up reads measured the first tier on the city's
// longer lists (a page of 50 projects against the demo hall's 5).
const WARM_UP = 30;
const now = new Date().toISOString();
const day = (back) => new Date(Date.now() - back * 86400000).toISOString().slice(0, 10);

const customer = await login('13800138001');
const staff = await login('staff.xinghu.1');
const manager = await login('manager.xinghu');
const admin = await login('admin');
const projects = await (await fetch(`${baseURL}/api/projects`, { headers: { cookie: staff } })).json();
const project = projects[0].id;

const READS = {
  bills: ['/api/utility-accounts/3301000001/bills', customer],
  usage: ['/api/utility-accounts/3301000001/usage', customer],
  hall_page: ['/api/halls/xinghu', null],
  live_wait: ['/api/live-wait', null],
  notices: ['/api/notices', null],
  project_page: [`/api/projects/${project}`, staff],
  project_board: ['/api/projects', staff],
  firm_directory: ['/api/firms', null],
  work_order_board: ['/api/work-orders', staff],
  city_dashboard_30_days: [`/api/ops/dashboard?from=${day(30)}&to=${day(1)}`, admin],
  // A hall's last 30 days, as its manager downloads it: a hall of the generated city has the
  // plan's density (about 33,000 accounts), so this is the file a hall of the real city gets.
  durations_csv: ['/api/project-reports/durations.csv', manager],
};
// Read on the city only, with a bound of its own instead of a ratio: the whole city's month is
// as long as the city is large (every stage finished or under way in it is a line).
const CITY_ONLY = {
  durations_csv_whole_city: ['/api/project-reports/durations.csv', admin],
};

async function timed(path, cookie) {
  const headers = { 'x-test-now': now, ...(cookie ? { cookie } : {}) };
  const t0 = performance.now();
  const res = await fetch(baseURL + path, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return performance.now() - t0;
}

const p95 = {};
const measured = phase === 'city' ? { ...READS, ...CITY_ONLY } : READS;
for (const [name, [path, cookie]] of Object.entries(measured)) {
  for (let i = 0; i < WARM_UP; i++) await timed(path, cookie);
  const times = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await timed(path, cookie));
  times.sort((a, b) => a - b);
  p95[name] = percentile(times, 95);
}

// The demo's figures wait for the city's run outside results/ (every file there is a result).
const kept = new URL('../.wrangler/scale-demo-p95.json', import.meta.url);
if (phase === 'demo') {
  mkdirSync(new URL('../.wrangler/', import.meta.url), { recursive: true });
  writeFileSync(kept, JSON.stringify(p95));
  console.log('[scale] demo city measured', p95);
} else {
  const demo = JSON.parse(readFileSync(kept, 'utf8'));
  const city = JSON.parse(readFileSync(`${process.env.STATE_DIR}/scale.json`, 'utf8'));
  const figures = { accounts: city.accounts, generator_load_seconds: city.load_seconds };
  const targets = {};
  for (const name of Object.keys(READS)) {
    figures[`demo_p95_ms ${name}`] = demo[name];
    figures[`city_p95_ms ${name}`] = p95[name];
    figures[`ratio ${name}`] = p95[name] / demo[name];
    targets[`ratio ${name}`] = { max: 1.5 };
  }
  targets['city_p95_ms city_dashboard_30_days'] = { max: 1000 };
  for (const name of Object.keys(CITY_ONLY)) {
    figures[`city_p95_ms ${name}`] = p95[name];
    targets[`city_p95_ms ${name}`] = { max: 1000 };
  }
  writeResult('scale', figures, targets);
}

// Shared by the benchmarks: where the server is, percentiles, and writing a result file.
import { writeFileSync, mkdirSync } from 'node:fs';

export const baseURL = process.env.GRIDHALL_URL ?? 'http://127.0.0.1:8787';

// The server refuses writes that did not come from its own pages (domain::security::
// same_origin): every request the benchmarks make says so, as a browser on our pages would.
const plainFetch = globalThis.fetch;
globalThis.fetch = (url, init = {}) =>
  plainFetch(url, { ...init, headers: { origin: baseURL, ...(init.headers ?? {}) } });

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x) => Math.round(x * 100) / 100;

/** targets: { figure: { max } | { min } }; pass when every target holds. */
export function writeResult(name, figures, targets) {
  const checks = Object.entries(targets).map(([key, t]) => {
    const v = figures[key];
    return 'max' in t ? v <= t.max : v >= t.min;
  });
  const result = {
    name,
    at: new Date().toISOString(),
    figures: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    targets,
    pass: checks.every(Boolean),
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/${name}.json`, import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  if (!result.pass) process.exitCode = 1;
  return result;
}

/** 10:00 China time on a Monday no earlier run used, sent as x-test-now (the server runs with TEST_CLOCK=1). */
export function freshMonday() {
  const base = Date.UTC(2400, 0, 3); // a Monday
  const weeks = Math.floor(Date.now() / 1000) % 100000;
  return new Date(base + weeks * 7 * 86400000 + 2 * 3600000).toISOString();
}

export async function login(loginName, password = 'Gridhall2026') {
  const res = await fetch(baseURL + '/api/auth/login', { method: 'POST', body: JSON.stringify({ login: loginName, password }) });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** A paired kiosk's token for `hall` (its manager pairs it, as a TV): only the hall's own
 *  kiosk checks in with `channel: 'kiosk'`, sending it as `x-device-token`. */
export async function kioskToken(hall) {
  const manager = await login(`manager.${hall}`);
  const res = await fetch(`${baseURL}/api/halls/${hall}/displays`, {
    method: 'POST', headers: { cookie: manager, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench kiosk' }),
  });
  if (res.status !== 201) throw new Error(`pairing a kiosk at ${hall}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** Signs the clerk whose session is `cookie` in at a counter (a day's counters start closed). */
export async function signIn(hall, counter, cookie, now) {
  const res = await fetch(`${baseURL}/api/halls/${hall}/counters/${counter}/actions`, {
    method: 'POST', headers: { 'x-test-now': now, 'content-type': 'application/json', cookie }, body: JSON.stringify({ action: 'sign_in' }),
  });
  if (!res.ok) throw new Error(`sign in at ${hall} ${counter}: ${res.status} ${await res.text()}`);
}

// 1,000 kiosk check-ins fired at once at one hall: throughput, latency, duplicates and losses.
import { baseURL, freshMonday, kioskToken, percentile, writeResult } from './lib.mjs';

const CHECK_INS = 1000;
const HALL = 'xinghu';
const now = freshMonday();
const headers = { 'x-test-now': now, 'content-type': 'application/json', 'x-device-token': await kioskToken(HALL) };
const warmHeaders = { ...headers, 'x-device-token': await kioskToken('gaoxin') };

const ATTEMPTS = 4;

/** One kiosk tap: a refused or failed request is retried with the same idempotency key, as a kiosk does. */
async function checkIn(i) {
  const body = JSON.stringify({ business: ['payment', 'consultation', 'expansion', 'invoice'][i % 4], channel: 'kiosk', idempotency_key: `burst-${i}` });
  const start = performance.now();
  let failures = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const res = await fetch(`${baseURL}/api/halls/${HALL}/tickets`, { method: 'POST', headers, body }).catch(() => null);
    if (res && (res.status === 201 || res.status === 200)) return { ms: performance.now() - start, status: 201, ticket: await res.json(), failures };
    if (res) await res.text();
    failures++;
    await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
  return { ms: performance.now() - start, status: 0, ticket: null, failures };
}

// Warm-up, as api_read does: 200 check-ins at another hall, so the measured burst runs on
// compiled code rather than on the runtime's first-pass compilation of the Worker.
await Promise.all(
  Array.from({ length: 200 }, (_, i) =>
    fetch(`${baseURL}/api/halls/gaoxin/tickets`, { method: 'POST', headers: warmHeaders, body: JSON.stringify({ business: 'expansion', channel: 'kiosk', idempotency_key: `warm-${i}` }) }).then((r) => r.arrayBuffer()),
  ),
);
await new Promise((r) => setTimeout(r, 2000));

const start = performance.now();
const results = await Promise.all(Array.from({ length: CHECK_INS }, (_, i) => checkIn(i)));
const seconds = (performance.now() - start) / 1000;
const issued = results.filter((r) => r.status === 201).map((r) => r.ticket);
const numbers = new Set(issued.map((t) => `${t.number.prefix}${t.number.seq}`));
const snapshot = await (await fetch(`${baseURL}/api/halls/${HALL}/queue`, { headers })).json();
const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
writeResult(
  'checkin_burst',
  {
    check_ins: CHECK_INS,
    issued: issued.length,
    errors: results.filter((r) => r.status !== 201).length,
    first_attempt_errors: results.filter((r) => r.failures > 0).length,
    duplicates: issued.length - numbers.size,
    lost: CHECK_INS - snapshot.waiting.length,
    check_ins_per_s: CHECK_INS / seconds,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
  },
  { check_ins_per_s: { min: 300 }, duplicates: { max: 0 }, lost: { max: 0 }, errors: { max: 0 } },
);

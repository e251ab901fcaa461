// 500 WebSocket subscribers on one hall; a clerk calls 20 tickets. For each call, the time from
// sending it to each subscriber receiving the first message that shows it (the call message
// that goes out first, or a snapshot that holds it).
import WebSocket from 'ws';
import { baseURL, freshMonday, kioskToken, login, percentile, signIn, writeResult } from './lib.mjs';

const SUBSCRIBERS = 500;
const CALLS = 20;
const HALL = 'binjiang';
const now = freshMonday();
const headers = { 'x-test-now': now, 'content-type': 'application/json' };
const kiosk = await kioskToken(HALL);

for (let i = 0; i < CALLS; i++) {
  const res = await fetch(`${baseURL}/api/halls/${HALL}/tickets`, { method: 'POST', headers: { ...headers, 'x-device-token': kiosk }, body: JSON.stringify({ business: 'payment', channel: 'kiosk' }) });
  if (res.status !== 201) throw new Error(`check-in: ${res.status} ${await res.text()}`);
}

// Each subscriber only stamps the raw messages it receives; they are read after each call,
// so parsing 500 snapshots on this one client thread does not count as delivery time.
// The subscribers do not offer per-message deflate. The Worker turns it off
// (no_web_socket_compression in wrangler.toml), so in production no screen gets it; under
// `wrangler dev` miniflare's own entry worker in front of ours would still accept an offer and
// compress every message once per socket, which no deployment does.
const inbox = Array.from({ length: SUBSCRIBERS }, () => []);
const wsURL = baseURL.replace('http', 'ws') + `/ws/halls/${HALL}`;
const sockets = await Promise.all(
  inbox.map(
    (messages) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(wsURL, { headers: { 'x-test-now': now }, perMessageDeflate: false });
        ws.on('message', (data) => messages.push([performance.now(), data.toString()]));
        ws.on('open', () => resolve(ws));
        ws.on('error', reject);
      }),
  ),
);

/** Waits (up to 5 s) until every subscriber holds `count` messages. */
async function settle(inbox, count) {
  const deadline = performance.now() + 5000;
  while (inbox.some((m) => m.length < count) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
}

// One clerk at each of the two counters that call in turn.
const clerks = { 1: await login('staff.binjiang.1'), 3: await login('staff.binjiang.2') };
for (const [counter, cookie] of Object.entries(clerks)) await signIn(HALL, counter, cookie, now);
const latencies = [];
let missed = 0;
for (let i = 0; i < CALLS; i++) {
  const counter = i % 2 === 0 ? 1 : 3;
  const cookie = clerks[counter];
  const sent = performance.now();
  const res = await fetch(`${baseURL}/api/halls/${HALL}/counters/${counter}/actions`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ action: 'call_next' }) });
  if (!res.ok) throw new Error(`call: ${res.status} ${await res.text()}`);
  const { ticket } = await res.json();
  const shows = ([, data]) => {
    const m = JSON.parse(data);
    return m.type === 'called' ? m.call.ticket_id === ticket.id : m.recent_calls?.some((c) => c.ticket_id === ticket.id);
  };
  await settle(inbox, 2); // the call, then its snapshot
  await new Promise((r) => setTimeout(r, 50));
  for (const messages of inbox) {
    const hit = messages.find(shows);
    hit ? latencies.push(hit[0] - sent) : missed++;
    messages.length = 0;
  }
  // Free the counter for its next call.
  await fetch(`${baseURL}/api/halls/${HALL}/counters/${counter}/actions`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ action: 'start', ticket: ticket.id }) });
  await fetch(`${baseURL}/api/halls/${HALL}/counters/${counter}/actions`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ action: 'finish', ticket: ticket.id }) });
  // Let those two snapshots reach every screen, so each call is timed on its own and not
  // behind the fan-out of the clerk's previous clicks.
  await settle(inbox, 2);
  inbox.forEach((messages) => (messages.length = 0));
}
sockets.forEach((ws) => ws.close());
latencies.sort((a, b) => a - b);
writeResult(
  'call_fanout',
  {
    subscribers: SUBSCRIBERS,
    calls: CALLS,
    deliveries: latencies.length,
    missed,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
  },
  { p95_ms: { max: 50 }, missed: { max: 0 } },
);
process.exit(process.exitCode ?? 0);

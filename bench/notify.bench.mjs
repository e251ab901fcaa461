// 500 waiting tickets, each watched ("tell me when N are ahead" with N from 0 to 20, and "when I
// am called") with its own phone; one counter calls, starts and finishes them one after another
// as fast as a clerk's screen can. Every notice must reach the SMS gateway (scripts/sms-sink.mjs)
// once: from the queue change that made it due to the gateway's receipt, p95 within 1 s.
//
// With one counter and first-come order, ticket i (0-based) has i - k ahead after k calls: its
// "N ahead" is due at call i - N (at once when that is 0 or less), its call at call i + 1. The
// latency of each message is measured from the moment the request that caused it was sent.
import { baseURL, freshMonday, kioskToken, login, percentile, signIn, writeResult } from './lib.mjs';

const TICKETS = 500;
const HALL = 'binjiang';
const COUNTER = 1;
const sink = process.env.SMS_SINK_URL ?? 'http://127.0.0.1:8789';
const now = freshMonday();
const headers = { 'x-test-now': now, 'content-type': 'application/json', 'x-device-token': await kioskToken(HALL) };
const run = String(Math.floor(Date.now() / 1000) % 100000).padStart(5, '0');
const phoneOf = (i) => `137${run}${String(i).padStart(3, '0')}`;
const thresholdOf = (i) => i % 21;

async function send(path, body, cookie) {
  const res = await fetch(baseURL + path, {
    method: body === undefined ? 'GET' : path.endsWith('/watch') ? 'PUT' : 'POST',
    headers: cookie ? { ...headers, cookie } : headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// The clerk is at the counter before the customers come, as on a working day: each ticket's
// place (and so its "N ahead") is known from its check-in.
const staff = await login('staff.binjiang.1');
await signIn(HALL, COUNTER, staff, now);

// The tickets, in order, each with its watch. Setting a watch is itself a change: a ticket
// already within its N hears at once, caused by that request.
const tickets = [];
const watchSent = [];
for (let i = 0; i < TICKETS; i++) {
  const t = await send(`/api/halls/${HALL}/tickets`, { business: 'invoice', channel: 'kiosk', idempotency_key: `notify-${run}-${i}` });
  tickets.push(t);
}
for (let i = 0; i < TICKETS; i++) {
  watchSent.push(Date.now());
  await send(`/api/halls/${HALL}/tickets/${tickets[i].id}/watch`, { key: tickets[i].key, ahead_at: thresholdOf(i), on_call: true, phone: phoneOf(i) });
}

// The counter works through the queue; callSent[k] is when call k + 1 was sent.
const callSent = [];
const actions = `/api/halls/${HALL}/counters/${COUNTER}/actions`;
for (let k = 0; k < TICKETS; k++) {
  callSent.push(Date.now());
  const call = await send(actions, { action: 'call_next' }, staff);
  if (call.ticket.id !== tickets[k].id) throw new Error(`call ${k + 1} took ticket ${call.ticket.id}, expected ${tickets[k].id}`);
  await send(actions, { action: 'start', ticket: call.ticket.id }, staff);
  await send(actions, { action: 'finish', ticket: call.ticket.id }, staff);
}

// What the gateway got, waiting (at most 30 s) until every expected message is in.
const expected = TICKETS * 2;
let received = [];
const deadline = Date.now() + 30_000;
for (;;) {
  received = (await (await fetch(`${sink}/messages`)).json()).filter((m) => m.to.startsWith(`137${run}`));
  if (received.length >= expected || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 2000)); // a duplicate would arrive in this time
received = (await (await fetch(`${sink}/messages`)).json()).filter((m) => m.to.startsWith(`137${run}`));

const ids = new Set(received.map((m) => m.id));
const latencies = [];
const found = { ahead: 0, called: 0 };
for (let i = 0; i < TICKETS; i++) {
  const mine = received.filter((m) => m.to === phoneOf(i));
  const ahead = mine.find((m) => m.body.includes('前面'));
  const called = mine.find((m) => m.body.includes('已叫到'));
  if (ahead) {
    found.ahead++;
    const k = i - thresholdOf(i); // the call that brought it to N ahead
    const cause = k <= 0 ? watchSent[i] : callSent[k - 1];
    latencies.push(ahead.at - cause);
  }
  if (called) {
    found.called++;
    latencies.push(called.at - callSent[i]);
  }
}
latencies.sort((a, b) => a - b);
writeResult(
  'notify',
  {
    tickets: TICKETS,
    expected_messages: expected,
    received_messages: received.length,
    lost: expected - ids.size,
    duplicates: received.length - ids.size,
    ahead_notices: found.ahead,
    call_notices: found.called,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    max_ms: latencies[latencies.length - 1],
  },
  { p95_ms: { max: 1000 }, lost: { max: 0 }, duplicates: { max: 0 } },
);

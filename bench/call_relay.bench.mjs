// A video call's signalling path: a customer and an agent in one call room; 200 ICE candidates
// and 100 chat lines from the customer, timed from sending to the agent receiving them (one
// machine, one clock). Also the time from opening the socket to the room's welcome.
import WebSocket from 'ws';
import { baseURL, login, percentile, writeResult } from './lib.mjs';

const RELAYS = 200;
const CHATS = 100;
const json = { 'content-type': 'application/json' };

async function api(path, cookie, method = 'POST', body = {}) {
  const res = await fetch(baseURL + path, { method, headers: { ...json, cookie }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const customer = await login('13800138002');
const agent = await login('staff.binjiang.2');
await api('/api/video/presence', agent, 'PUT', { presence: 'available' });
const asked = await api('/api/video/requests', customer, 'POST', { topic: 'bench', channel: 'video' });
await api(`/api/video/requests/${asked.room}/accept`, agent);

/** Opens the room's socket; resolves with it and the ms until the welcome. */
function join(cookie, onMessage) {
  const opened = performance.now();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseURL.replace('http', 'ws')}/ws/video/rooms/${asked.room}`, { headers: { cookie }, perMessageDeflate: false });
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'welcome') resolve({ ws, joinMs: performance.now() - opened });
      else onMessage(message);
    });
    ws.on('error', reject);
  });
}

const arrivals = new Map();
const { ws: c, joinMs } = await join(customer, () => {});
const { ws: a } = await join(agent, (m) => {
  const id = m.type === 'relay' ? m.signal.candidate : m.type === 'chat' ? m.entry.text : null;
  if (id) arrivals.set(id, performance.now());
});

async function timed(count, make) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const [id, message] = make(i);
    const sent = performance.now();
    c.send(JSON.stringify(message));
    const deadline = sent + 2000;
    while (!arrivals.has(id) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 0));
    if (arrivals.has(id)) latencies.push(arrivals.get(id) - sent);
  }
  return latencies.sort((x, y) => x - y);
}

const relays = await timed(RELAYS, (i) => [`cand-${i}`, { type: 'ice', candidate: `cand-${i}` }]);
const chats = await timed(CHATS, (i) => [`line ${i}`, { type: 'chat', text: `line ${i}` }]);
await api(`/api/video/requests/${asked.room}/end`, agent, 'POST', { summary: 'bench' });
c.close();
a.close();

writeResult(
  'call_relay',
  {
    join_ms: joinMs,
    relay_p50_ms: percentile(relays, 50),
    relay_p95_ms: percentile(relays, 95),
    chat_p95_ms: percentile(chats, 95),
    delivered: relays.length + chats.length,
  },
  { relay_p95_ms: { max: 50 }, chat_p95_ms: { max: 100 }, join_ms: { max: 500 }, delivered: { min: RELAYS + CHATS } },
);

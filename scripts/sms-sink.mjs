// A stand-in for the SMS and e-mail gateways and for a browser's push service in tests and benchmarks (never
// in `make dev` or production): it takes the courier's posts and remembers them with the time
// they came.
//   POST /sms                      one message; answered 503 while the number is set to fail
//   POST /email                    one e-mail {id, to, subject, body, link}, kept with the SMS
//   POST /fail {to, times}         the next `times` messages to `to` get 503
//   GET  /messages?to=PHONE        what reached `to` (all messages without `to`), oldest first
//   GET  /attempts?to=PHONE        every try for `to`, failed ones too, with their times
//   POST /push/ID                  a Web Push message: its headers and encrypted body (base64)
//                                  are kept; 410 once the subscription is set gone
//   POST /push-gone {id}           the push service forgets subscription ID
//   GET  /pushes?id=ID             what reached subscription ID
// Usage: node scripts/sms-sink.mjs PORT
import http from 'node:http';

const port = Number(process.argv[2] ?? 8789);
const messages = [];
const attempts = [];
const failing = new Map();
const pushes = [];
const gone = new Set();

function raw(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function body(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try { resolve(JSON.parse(data || '{}')); } catch { resolve(null); }
    });
  });
}

function reply(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://sink');
  const to = url.searchParams.get('to');
  const mine = (list) => list.filter((m) => !to || m.to === to);
  if (req.method === 'POST' && url.pathname === '/sms') {
    const m = await body(req);
    if (!m || typeof m.to !== 'string' || typeof m.body !== 'string') return reply(res, 400, { error: 'bad message' });
    const left = failing.get(m.to) ?? 0;
    attempts.push({ ...m, at: Date.now(), ok: left === 0 });
    if (left > 0) {
      failing.set(m.to, left - 1);
      return reply(res, 503, { error: 'try later' });
    }
    messages.push({ ...m, at: Date.now() });
    return reply(res, 200, { ok: true });
  }
  if (req.method === 'POST' && url.pathname === '/email') {
    const m = await body(req);
    if (!m || typeof m.to !== 'string' || typeof m.subject !== 'string' || typeof m.body !== 'string') return reply(res, 400, { error: 'bad e-mail' });
    attempts.push({ ...m, at: Date.now(), ok: true });
    messages.push({ ...m, channel: 'email', at: Date.now() });
    return reply(res, 200, { ok: true });
  }
  if (req.method === 'POST' && url.pathname === '/fail') {
    const f = await body(req);
    failing.set(f.to, f.times);
    return reply(res, 200, { ok: true });
  }
  if (req.method === 'POST' && url.pathname.startsWith('/push/')) {
    const id = url.pathname.slice('/push/'.length);
    const bytes = await raw(req);
    if (gone.has(id)) return reply(res, 410, { error: 'unsubscribed' });
    const h = req.headers;
    pushes.push({ id, at: Date.now(), body: bytes.toString('base64'), authorization: h.authorization, encoding: h['content-encoding'], ttl: h.ttl, urgency: h.urgency });
    res.writeHead(201);
    return res.end();
  }
  if (req.method === 'POST' && url.pathname === '/push-gone') {
    gone.add((await body(req)).id);
    return reply(res, 200, { ok: true });
  }
  if (req.method === 'GET' && url.pathname === '/pushes') return reply(res, 200, pushes.filter((p) => p.id === url.searchParams.get('id')));
  if (req.method === 'GET' && url.pathname === '/messages') return reply(res, 200, mine(messages));
  if (req.method === 'GET' && url.pathname === '/attempts') return reply(res, 200, mine(attempts));
  reply(res, 404, { error: 'no such path' });
}).listen(port, '127.0.0.1', () => console.log(`[sms-sink] listening on ${port}`));

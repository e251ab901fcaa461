// Writes dist/sw.js: the version (a hash of every file's path and bytes) and the files to
// precache (the root files and the public apps, which a visitor moves between), then the
// service worker itself (web/sw.js). The other apps are cached the first time they are used,
// so a phone does not download the staff workspace just by visiting.
// Usage: node scripts/service-worker.mjs [dist]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push('/' + relative(dist, path).split('\\').join('/'));
  }
})(dist);

const shipped = files.filter((f) => f !== '/sw.js' && !f.endsWith('.map'));
// The public apps a visitor moves between: front door, hall and information, a ticket.
const PUBLIC = ['/apps/home/', '/apps/customer/', '/apps/ticket/'];
const precache = shipped.filter((f) => !f.startsWith('/apps/') || PUBLIC.some((p) => f.startsWith(p)));
const hash = createHash('sha256');
for (const f of shipped) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const body = readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
writeFileSync(
  join(dist, 'sw.js'),
  `const VERSION = '${version}';\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\n${body}`,
);
console.log(`[sw] version ${version}, ${precache.length} files`);

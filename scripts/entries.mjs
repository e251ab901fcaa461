// Writes each browser app's HTML entry for Trunk, target/entries/{app}/index.html, from the one
// template apps/index.html: the app's title, description and early requests
// (apps/{app}/head.html) and, where the app has one, its shell (apps/shell.html around
// apps/{app}/shell.html), which the browser paints before the wasm arrives.
// Usage: node scripts/entries.mjs APP...
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const read = (path) => readFileSync(path, 'utf8').replace(/\n$/, '');
const template = read('apps/index.html');
const shell = read('apps/shell.html');
for (const app of process.argv.slice(2)) {
  const main = `apps/${app}/shell.html`;
  const fill = {
    root: '../../..',
    app,
    head: read(`apps/${app}/head.html`),
    shell: existsSync(main) ? shell.replace('{{main}}', read(main)) : '',
  };
  const html = template.replace(/\{\{(\w+)\}\}/g, (marker, key) => {
    if (!(key in fill)) throw new Error(`apps/index.html: unknown marker ${marker}`);
    return fill[key];
  });
  mkdirSync(`target/entries/${app}`, { recursive: true });
  writeFileSync(`target/entries/${app}/index.html`, html + '\n');
}

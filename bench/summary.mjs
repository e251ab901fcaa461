// Writes bench/results/SUMMARY.md from every result file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('./results/', import.meta.url);
const results = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir))));
const target = (t) => ('max' in t ? `≤ ${t.max}` : `≥ ${t.min}`);
const meets = (v, t) => ('max' in t ? v <= t.max : v >= t.min);
const lines = ['# Benchmark results', '', '| benchmark | figure | value | target | pass |', '|---|---|---|---|---|'];
for (const r of results) {
  for (const [key, value] of Object.entries(r.figures)) {
    const t = r.targets[key];
    lines.push(`| ${r.name} | ${key} | ${value} | ${t ? target(t) : ''} | ${t ? (meets(value, t) ? 'yes' : 'NO') : ''} |`);
  }
}
writeFileSync(new URL('SUMMARY.md', dir), lines.join('\n') + '\n');
console.log(lines.join('\n'));

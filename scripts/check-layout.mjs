#!/usr/bin/env node
// The layout habits the formatter cannot keep: no line over 120 characters, no source file over 400 lines
// (migrations and the demo's data tables excepted), and every query of the server in a repository. Prints each
// offence; exits 1 if there is one. The files that broke the first two habits when they were introduced are listed
// in `scripts/layout-debt.json` with what they had then: they may not get worse, and the list only shrinks
// (`--write-debt` rewrites it from the tree as it is; run it after paying some off, never to hide a new offence).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const MAX_LINE = 120;
const MAX_LINES = 400;
/** Files whose length is data, not code: migrations and the demo's generated tables of names and places. */
const LONG_ALLOWED = [/\/db\/migrations\//, /\/demo\/names\.ts$/, /\/demo\/county\/tables\.ts$/];

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((f) => f && fs.existsSync(f));
const DEBT_FILE = new URL('./layout-debt.json', import.meta.url);
const debt = fs.existsSync(DEBT_FILE) ? JSON.parse(fs.readFileSync(DEBT_FILE, 'utf8')) : {};
const found = {};
let offences = 0;
for (const file of files) {
  if (LONG_ALLOWED.some((re) => re.test(file))) continue;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const count = lines.length - 1;
  const long = lines.map((line, i) => [i + 1, [...line].length]).filter(([, n]) => n > MAX_LINE);
  if (count <= MAX_LINES && !long.length) continue;
  found[file] = { lines: Math.max(count, MAX_LINES), longLines: long.length };
  const owed = debt[file];
  if (owed && count <= owed.lines && long.length <= owed.longLines) continue;
  if (count > (owed?.lines ?? MAX_LINES)) {
    console.log(`${file}: ${count} lines (at most ${owed?.lines ?? MAX_LINES})`);
    offences++;
  }
  if (long.length > (owed?.longLines ?? 0))
    for (const [i, n] of long) {
      console.log(`${file}:${i}: ${n} characters (at most ${MAX_LINE})`);
      offences++;
    }
}
if (process.argv.includes('--write-debt')) {
  fs.writeFileSync(DEBT_FILE, `${JSON.stringify(found, null, 2)}\n`);
  console.log(`layout debt: ${Object.keys(found).length} files written to scripts/layout-debt.json`);
  process.exit(0);
}
// Queries live in repositories: in the server's source, outside `*.repository.ts`, `platform/data/`, `db/` and
// `demo/`, no query-builder call and no raw `sql` template.
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
const QUERIES_ALLOWED = [/\.repository\.ts$/, /^apps\/server\/src\/(platform\/data|db|demo)\//];
for (const file of files) {
  if (!file.startsWith('apps/server/src/') || !file.endsWith('.ts')) continue;
  if (QUERIES_ALLOWED.some((re) => re.test(file))) continue;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (QUERY.test(line)) {
        console.log(`${file}:${i + 1}: a query outside a repository (move it into a *.repository.ts)`);
        offences++;
      }
    });
}
if (offences) {
  console.log(`\n${offences} layout offences`);
  process.exit(1);
}
const owedFiles = Object.keys(debt).filter((f) => found[f]);
console.log(
  `layout: ${files.length} files, every line ≤ ${MAX_LINE} characters, every file ≤ ${MAX_LINES} lines, ` +
    `every query of the server in a repository — except the debt of ${owedFiles.length} files (layout-debt.json)`,
);

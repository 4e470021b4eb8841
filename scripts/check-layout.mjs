#!/usr/bin/env node
// The layout habits the formatter cannot keep: no line over 120 characters, no source file over 400 lines
// (migrations and the demo's data tables excepted). Prints each offence; exits 1 if there is one.
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
let offences = 0;
for (const file of files) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.length > MAX_LINES + 1 && !LONG_ALLOWED.some((re) => re.test(file))) {
    console.log(`${file}: ${lines.length - 1} lines (at most ${MAX_LINES})`);
    offences++;
  }
  lines.forEach((line, i) => {
    if ([...line].length > MAX_LINE && !LONG_ALLOWED.some((re) => re.test(file))) {
      console.log(`${file}:${i + 1}: ${[...line].length} characters (at most ${MAX_LINE})`);
      offences++;
    }
  });
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
console.log(
  `layout: ${files.length} files, every line ≤ ${MAX_LINE} characters, every file ≤ ${MAX_LINES} lines, ` +
    'every query of the server in a repository',
);

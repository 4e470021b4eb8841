// `npm run bench`: the server benchmark (bench/server.mjs → bench/results/server.json), then the web
// budgets (bench/web.mjs → bench/results/web.json) when that script exists. Prints a short summary
// and exits 0 even when a target is missed: the JSON says which. Every step is bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, killAllChildren, runNode } from './lib.mjs';
import { TARGETS, runServerBench } from './server.mjs';
import { spawnSync } from 'node:child_process';

// Measure what `npm start` runs: the server bundle, built here when the sources are newer.
spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });

const RESULTS = path.join(REPO, 'bench/results');
const WATCHDOG_MS = Number(process.env.BENCH_WATCHDOG_MS) || 20 * 60_000;
const SERVICE_TIMEOUT_MS = Number(process.env.BENCH_SERVICE_TIMEOUT_MS) || 10 * 60_000;
const WEB_TIMEOUT_MS = Number(process.env.BENCH_WEB_TIMEOUT_MS) || 180_000;

fs.mkdirSync(RESULTS, { recursive: true });

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
    loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function writeJson(file, data) {
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

const serverFile = path.join(RESULTS, 'server.json');
const started = Date.now();
let partial = { timestamp: new Date().toISOString(), machine: machine(), status: 'running' };
const serverPartial = {};
let phase = 'server';

// The watchdog: past the limit, stop every child we started, record the abort and leave (exit 0).
const watchdog = setTimeout(() => {
  killAllChildren();
  const error = `the benchmark exceeded ${WATCHDOG_MS / 1000} s and was stopped during the ${phase} step`;
  writeJson(
    serverFile,
    phase === 'server' ? { ...partial, ...serverPartial, status: 'aborted', error } : { ...partial, web: { error } },
  );
  // the children are gone: drop the temporary DATA_DIRs of the server bench (keep the server log)
  if (serverPartial.dataDir && !process.env.BENCH_KEEP_DATA) {
    for (const d of ['data', 'data-pristine'])
      fs.rmSync(path.join(path.dirname(serverPartial.dataDir), d), { recursive: true, force: true });
  }
  console.error(`bench: aborted after ${WATCHDOG_MS / 1000} s (see ${path.relative(REPO, serverFile)})`);
  process.exit(0);
}, WATCHDOG_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killAllChildren();
    process.exit(130);
  });
}

console.log(`bench: ${partial.machine.cpus} CPUs, node ${process.version}`);
console.log('— server —');
let server;
try {
  server = await runServerBench({ log: (l) => console.log(l), into: serverPartial });
} catch (err) {
  server = {
    ...serverPartial,
    figures: serverPartial.figures ?? {},
    checks: serverPartial.checks ?? {},
    errors: [...(serverPartial.errors ?? []), { step: 'server bench', message: err.message }],
  };
}
const serverJson = {
  timestamp: partial.timestamp,
  machine: partial.machine,
  durationSeconds: Math.round((Date.now() - started) / 100) / 10,
  targets: TARGETS,
  ...server,
  status: 'done',
};
writeJson(serverFile, serverJson);
partial = serverJson;

// The web budgets belong to bench/web.mjs (owned elsewhere): run it as a child when present.
const webScript = path.join(REPO, 'bench/web.mjs');
let web = null;
if (fs.existsSync(webScript)) {
  phase = 'web';
  console.log('— web (bench/web.mjs) —');
  const r = await runNode([webScript], { timeoutMs: WEB_TIMEOUT_MS, echo: true });
  web = { exitCode: r.code, seconds: Math.round(r.ms / 100) / 10, timedOut: r.timedOut };
  const webFile = path.join(RESULTS, 'web.json');
  if (fs.existsSync(webFile) && fs.statSync(webFile).mtimeMs >= started) {
    web.results = path.relative(REPO, webFile);
    try {
      const w = JSON.parse(fs.readFileSync(webFile, 'utf8'));
      web.status = w.status ?? null;
      web.checks = Object.fromEntries(
        Object.entries(w.checks ?? {}).map(([k, c]) => [
          k,
          { value: c.value, budget: c.budget ?? c.target, pass: c.pass },
        ]),
      );
    } catch (err) {
      web.readError = err.message;
    }
  } else web.results = null;
} else {
  web = { skipped: 'bench/web.mjs does not exist' };
}
serverJson.web = web;
writeJson(serverFile, serverJson);

// The service bench (full demo county with 1.8 million requests): its own child and results file.
phase = 'service';
console.log('— service (bench/service.mjs) —');
const svc = await runNode([path.join(REPO, 'bench/service.mjs')], { timeoutMs: SERVICE_TIMEOUT_MS, echo: true });
const serviceFile = path.join(RESULTS, 'service.json');
let service = { exitCode: svc.code, seconds: Math.round(svc.ms / 100) / 10, timedOut: svc.timedOut };
if (fs.existsSync(serviceFile) && fs.statSync(serviceFile).mtimeMs >= started) {
  try {
    const s = JSON.parse(fs.readFileSync(serviceFile, 'utf8'));
    service = {
      ...service,
      checks: s.checks,
      demoSeconds: s.figures?.demo?.wallSeconds ?? null,
      figuresColdMs: (s.figures?.figuresCold ?? []).map((c) => c.ms),
    };
  } catch (err) {
    service.readError = err.message;
  }
}
serverJson.service = service;
writeJson(serverFile, serverJson);

// The people bench (development and dues lists, the dues figures): its own child and results file.
phase = 'people';
console.log('— people (bench/people.mjs) —');
const ppl = await runNode([path.join(REPO, 'bench/people.mjs')], { timeoutMs: SERVICE_TIMEOUT_MS, echo: true });
const peopleFile = path.join(RESULTS, 'people.json');
let people = { exitCode: ppl.code, seconds: Math.round(ppl.ms / 100) / 10, timedOut: ppl.timedOut };
if (fs.existsSync(peopleFile) && fs.statSync(peopleFile).mtimeMs >= started) {
  try {
    people = { ...people, checks: JSON.parse(fs.readFileSync(peopleFile, 'utf8')).checks };
  } catch (err) {
    people.readError = err.message;
  }
}
serverJson.people = people;
writeJson(serverFile, serverJson);

// The supervision bench (a county-wide bulletin, the problem list): its own child and results file.
phase = 'supervision';
console.log('— supervision (bench/supervision.mjs) —');
const sup = await runNode([path.join(REPO, 'bench/supervision.mjs')], { timeoutMs: SERVICE_TIMEOUT_MS, echo: true });
const supervisionFile = path.join(RESULTS, 'supervision.json');
let supervision = { exitCode: sup.code, seconds: Math.round(sup.ms / 100) / 10, timedOut: sup.timedOut };
if (fs.existsSync(supervisionFile) && fs.statSync(supervisionFile).mtimeMs >= started) {
  try {
    supervision = { ...supervision, checks: JSON.parse(fs.readFileSync(supervisionFile, 'utf8')).checks };
  } catch (err) {
    supervision.readError = err.message;
  }
}
serverJson.supervision = supervision;
writeJson(serverFile, serverJson);

// The assessment bench (stars for every branch, the public board, the points ledger): its own child and results file.
phase = 'assessment';
console.log('— assessment (bench/assessment.mjs) —');
const asm = await runNode([path.join(REPO, 'bench/assessment.mjs')], { timeoutMs: SERVICE_TIMEOUT_MS, echo: true });
const assessmentFile = path.join(RESULTS, 'assessment.json');
let assessment = { exitCode: asm.code, seconds: Math.round(asm.ms / 100) / 10, timedOut: asm.timedOut };
if (fs.existsSync(assessmentFile) && fs.statSync(assessmentFile).mtimeMs >= started) {
  try {
    assessment = { ...assessment, checks: JSON.parse(fs.readFileSync(assessmentFile, 'utf8')).checks };
  } catch (err) {
    assessment.readError = err.message;
  }
}
serverJson.assessment = assessment;
writeJson(serverFile, serverJson);

// The cadres and economy bench (election analytics, economy figures, training hours): its own child and results file.
phase = 'cadres-economy';
console.log('— cadres and economy (bench/cadres-economy.mjs) —');
const cde = await runNode([path.join(REPO, 'bench/cadres-economy.mjs')], {
  timeoutMs: SERVICE_TIMEOUT_MS,
  echo: true,
});
const cadresEconomyFile = path.join(RESULTS, 'cadres-economy.json');
let cadresEconomy = { exitCode: cde.code, seconds: Math.round(cde.ms / 100) / 10, timedOut: cde.timedOut };
if (fs.existsSync(cadresEconomyFile) && fs.statSync(cadresEconomyFile).mtimeMs >= started) {
  try {
    cadresEconomy = { ...cadresEconomy, checks: JSON.parse(fs.readFileSync(cadresEconomyFile, 'utf8')).checks };
  } catch (err) {
    cadresEconomy.readError = err.message;
  }
}
serverJson.cadresEconomy = cadresEconomy;
writeJson(serverFile, serverJson);

// Summary --------------------------------------------------------------------------------------
const f = server.figures;
const L = f.load?.runs ?? {};
const mark = (c) => (c == null ? '  ?' : c.pass ? ' ok' : ' MISS');
const lines = [];
lines.push('');
lines.push(`summary (${path.relative(REPO, serverFile)}):`);
if (f.demo)
  lines.push(`  demo generation      ${f.demo.wallSeconds} s  (target < 60 s)${mark(server.checks.demoSeconds)}`);
if (f.coldStart)
  lines.push(
    `  cold start (median)  ${f.coldStart.medianSeconds} s  runs ${f.coldStart.runsMs.join(', ')} ms  ` +
      `(target < 3 s)${mark(server.checks.coldStartSeconds)}`,
  );
for (const [k, r] of Object.entries(L)) {
  const p95 = server.checks[`${k}.p95Ms`];
  const ratio = server.checks[`${k}.throughputRatio`];
  lines.push(
    `  ${r.title.padEnd(45)} ${String(r.reqPerSec).padStart(7)} req/s  p50 ${r.latencyMs.p50} ms  ` +
      `p95 ${r.latencyMs.p95} ms  server cpu ${r.serverCpuMsPerRequest} ms/req` +
      (p95 ? `  [p95 ${p95.target}${mark(p95)}${ratio ? `; ${ratio.value}× bare ≥ 0.2${mark(ratio)}` : ''}]` : ''),
  );
}
if (f.memory)
  lines.push(
    `  server peak RSS      ${f.memory.vmHwmAfterLoadMb} MB (VmHWM after load; max ` +
      `sampled ${f.memory.maxSampledRssDuringLoadMb} MB)  (target < 300 MB)${mark(server.checks.peakRssMb)}`,
  );
if (f.importHttp)
  lines.push(
    `  import 20k (HTTP)    ${f.importHttp.seconds} s  status ${f.importHttp.status}  (target < 10 ` +
      `s)${mark(server.checks['importHttp.seconds'])}`,
  );
if (f.importCli)
  lines.push(
    `  import 20k (CLI)     ${f.importCli.seconds} s  exit ${f.importCli.exitCode}  (target < 10 ` +
      `s)${mark(server.checks['importCli.seconds'])}`,
  );
for (const e of server.errors) lines.push(`  error in ${e.step}: ${e.message}`);
const webRun = `exit ${web.exitCode}${web.timedOut ? ' (timed out)' : ''}, ${web.seconds} s`;
lines.push(`  web: ${web.skipped ?? `${webRun}, results ${web.results ?? 'not written'}`}`);
for (const [k, c] of Object.entries(web.checks ?? {}))
  lines.push(`    ${k.padEnd(22)} ${c.value} (budget ${c.budget})${mark(c)}`);
lines.push(
  `  service: demo ${service.demoSeconds ?? '?'} s, figures first ` +
    `calls ${(service.figuresColdMs ?? []).join(', ')} ms${service.timedOut ? ' (timed out)' : ''}`,
);
for (const [k, c] of Object.entries(service.checks ?? {}))
  lines.push(`    ${k.padEnd(30)} ${c.value} ms (target ${c.target})${mark(c)}`);
lines.push(`  people: ${people.seconds} s${people.timedOut ? ' (timed out)' : ''}`);
for (const [k, c] of Object.entries(people.checks ?? {}))
  lines.push(`    ${k.padEnd(40)} ${c.value} ms (target ${c.target})${mark(c)}`);
lines.push(`  supervision: ${supervision.seconds} s${supervision.timedOut ? ' (timed out)' : ''}`);
for (const [k, c] of Object.entries(supervision.checks ?? {}))
  lines.push(`    ${k.padEnd(40)} ${c.value} ${k.endsWith('seconds') ? 's' : 'ms'} (target ${c.target})${mark(c)}`);
lines.push(`  assessment: ${assessment.seconds} s${assessment.timedOut ? ' (timed out)' : ''}`);
for (const [k, c] of Object.entries(assessment.checks ?? {}))
  lines.push(`    ${k.padEnd(40)} ${c.value} ${k.endsWith('seconds') ? 's' : 'ms'} (target ${c.target})${mark(c)}`);
lines.push(`  cadres and economy: ${cadresEconomy.seconds} s${cadresEconomy.timedOut ? ' (timed out)' : ''}`);
for (const [k, c] of Object.entries(cadresEconomy.checks ?? {}))
  lines.push(`    ${k.padEnd(40)} ${c.value} ${k.endsWith('seconds') ? 's' : 'ms'} (target ${c.target})${mark(c)}`);
const missed = Object.entries(server.checks)
  .filter(([, c]) => !c.pass)
  .map(([k]) => k);
lines.push(missed.length ? `  targets missed: ${missed.join(', ')}` : '  all server targets met');
lines.push(`  total ${Math.round((Date.now() - started) / 1000)} s`);
console.log(lines.join('\n'));
clearTimeout(watchdog);
process.exit(0);

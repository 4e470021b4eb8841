// The server benchmark: demo generation, cold start, HTTP load, a 20,000-row import and peak memory,
// on the demo county in a fresh temporary DATA_DIR (SQLite). All traffic goes to 127.0.0.1.
// Run alone with `node bench/server.mjs`, or through `npm run bench` (bench/run.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  apiClient,
  freePort,
  median,
  procCpuMs,
  procMemoryMb,
  round,
  runCli,
  sampleRss,
  spawnServer,
  stopServer,
  waitHealthy,
  waitIdle,
} from './lib.mjs';
import { rosterRows, rosterXlsx, templateHeaders } from './roster.mjs';
import { TARGETS, LOAD, IMPORT_ROWS, PASSWORD, check, debtsOf, load, discover } from './server-load.mjs';

export { TARGETS } from './server-load.mjs';

/** Runs every server measurement; `log` prints progress. Never throws: failures land in `result.errors`. */
export async function runServerBench({ log = console.log, workDir, into } = {}) {
  // `into` lets the caller see partial figures if it has to abort the run.
  const result = Object.assign(into ?? {}, {
    startedAt: new Date().toISOString(),
    database: 'sqlite',
    dataDir: null,
    figures: {},
    checks: {},
    notes: [],
    errors: [],
  });
  const tmp = workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-bench-'));
  const dataDir = path.join(tmp, 'data');
  const pristine = path.join(tmp, 'data-pristine');
  const logFile = path.join(tmp, 'server.log');
  result.dataDir = dataDir;
  result.serverLog = logFile;
  let server = null;
  result.loadavgBefore = round(os.loadavg()[0], 2);
  result.loadavgAtSteps = {};
  const step = async (name, fn) => {
    const t0 = performance.now();
    // other work on the machine skews every figure: keep the 1-minute load average next to them
    result.loadavgAtSteps[name] = round(os.loadavg()[0], 2);
    try {
      await fn();
    } catch (err) {
      result.errors.push({ step: name, message: err.message });
      log(`  ! ${name}: ${err.message}`);
    }
    log(`  ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };

  // 1. Demo generation ------------------------------------------------------------------------
  await step('demo generation', async () => {
    // The core's records and a small share of the service records: bench/service.mjs loads and times the full county.
    log('1. dangjian demo …');
    const r = await runCli(['demo'], {
      env: { DATA_DIR: dataDir, DATABASE_URL: '', DJ_DEMO_RESIDENTS_SCALE: '0.02' },
      timeoutMs: 180_000,
    });
    if (r.code !== 0)
      throw new Error(`demo exited ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-500)}`);
    const reported = /demo loaded in ([\d.]+) s/.exec(r.stdout)?.[1];
    const counts = /(\d+) organizations, (\d+) members/.exec(r.stdout);
    result.figures.demo = {
      wallSeconds: round(r.ms / 1000, 2),
      cpuSeconds: round(r.cpuMs / 1000, 2),
      loadSecondsReportedByCli: reported ? Number(reported) : null,
      organizations: counts ? Number(counts[1]) : null,
      members: counts ? Number(counts[2]) : null,
      note: 'wall = spawn of `dangjian demo` to exit (tsx start, migrations, generation, inserts)',
    };
    result.checks.demoSeconds = check(result.figures.demo.wallSeconds, TARGETS.demoSeconds);
    fs.cpSync(dataDir, pristine, { recursive: true }); // a loaded copy for the CLI import
  });

  // 2. Cold start ---------------------------------------------------------------------------------
  await step('cold start ×3', async () => {
    log('2. cold start of `dangjian serve` ×3 …');
    const runs = [];
    const cpuRuns = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const t0 = performance.now();
      const child = spawnServer({ dataDir, port, logFile });
      try {
        const ms = await waitHealthy(port, child, { since: t0, timeoutMs: 30_000 });
        cpuRuns.push(procCpuMs(child.pid));
        runs.push(round(ms, 0));
      } finally {
        await stopServer(child);
      }
    }
    result.figures.coldStart = {
      runsMs: runs,
      medianSeconds: round(median(runs) / 1000, 3),
      cpuMsToHealthy: cpuRuns,
      note:
        'spawn of `node apps/server/bin/dangjian.mjs serve` (tsx, migrate check, app build, listen) to the' +
        ' first 200 of GET /api/health, polled every 10 ms',
    };
    result.checks.coldStartSeconds = check(result.figures.coldStart.medianSeconds, TARGETS.coldStartSeconds);
  });

  // 3. Load + 5. memory ---------------------------------------------------------------------------
  let port;
  let api;
  let ids;
  await step('server start for load', async () => {
    port = await freePort();
    const t0 = performance.now();
    server = spawnServer({ dataDir, port, logFile });
    await waitHealthy(port, server, { since: t0 });
    api = apiClient(port);
    await api.login('demo-county', PASSWORD);
    ids = await discover(api);
    // The start's daily jobs and figure warm-up run after listen: the routes are measured once they are done.
    result.figures.settleSecondsBeforeLoad = round((await waitIdle(server.pid)) / 1000, 1);
    result.figures.dataset = {
      rootOrg: { id: ids.root.id, name: ids.root.name },
      township: { id: ids.township.id, name: ids.township.name, memberCount: ids.township.memberCount },
      membersInScope: ids.memberTotal,
      villageBranchesUsedForImport: ids.villages.length,
    };
  });

  if (api && ids) {
    await step('load', async () => {
      const cookie = api.cookieHeader();
      const memBefore = procMemoryMb(server.pid);
      const sampler = sampleRss(server.pid, 100);
      const t = ids.township.id;
      const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear(); // China's year
      const routes = [
        { key: 'health', title: 'GET /api/health (bare route)', paths: ['/api/health'] },
        {
          key: 'membersSubtreeSearch',
          title: 'member list: township subtree + search q=zh',
          paths: [`/api/members?org=${t}&q=zh&pageSize=20`],
          memberList: true,
        },
        {
          key: 'membersCounty',
          title: 'member list: county-wide, page 1',
          paths: ['/api/members?pageSize=20'],
          memberList: true,
        },
        {
          key: 'membersCountyPage50',
          title: 'member list: county-wide, page 50',
          paths: ['/api/members?pageSize=20&page=50'],
          memberList: true,
        },
        {
          key: 'memberDetail',
          title: 'member detail (rotating ids)',
          paths: ids.memberIds.map((id) => `/api/members/${id}`),
        },
        { key: 'orgTree', title: 'org tree: children of the root', paths: [`/api/orgs/tree?parent=${ids.root.id}`] },
        {
          key: 'meetingsTownship',
          title: 'meeting list: township subtree, newest first',
          paths: [`/api/meetings?org=${t}&pageSize=20`],
          target: 'meetingListP95Ms',
        },
        {
          key: 'meetingsCounty',
          title: 'meeting list: county-wide, theme days',
          paths: ['/api/meetings?kind=theme_day&pageSize=20'],
          target: 'meetingListP95Ms',
          county: true,
        },
        // The filters as the page sends them: a kind within the year's dates, and a kind's incomplete records.
        {
          key: 'meetingsCountyKindYear',
          title: 'meeting list: county-wide, theme days of this year',
          paths: [`/api/meetings?kind=theme_day&from=${year}-01-01&to=${year}-12-31&pageSize=20`],
          target: 'meetingListP95Ms',
          county: true,
        },
        {
          key: 'meetingsCountyKindIncomplete',
          title: 'meeting list: county-wide, incomplete committee meetings',
          paths: ['/api/meetings?kind=committee_meeting&incomplete=true&pageSize=20'],
          target: 'meetingListP95Ms',
          county: true,
        },
        // The whole county × every kind over the calendar year so far (monthly kinds judged month by month).
        {
          key: 'complianceCountyYear',
          title: 'compliance: whole county, this year',
          paths: [`/api/compliance/meetings?period=${new Date(Date.now() + 8 * 3600e3).getUTCFullYear()}`],
          target: 'complianceCountyP95Ms',
        },
        {
          key: 'complianceCountyMonth',
          title: 'compliance: whole county, this month',
          paths: [`/api/compliance/meetings?period=${new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7)}`],
          target: 'complianceCountyP95Ms',
        },
      ];
      log(
        `3. load: ${LOAD.connections} connections, ${LOAD.durationSeconds} s per route, ${routes.length} ` +
          `routes (+${LOAD.warmupSeconds} s warm-up) …`,
      );
      await load(port, cookie, {
        title: 'warm-up',
        paths: routes.flatMap((r) => r.paths),
        durationSeconds: LOAD.warmupSeconds,
        collect: false,
      });
      const runs = {};
      for (const r of routes) {
        runs[r.key] = await load(port, cookie, { title: r.title, paths: r.paths, serverPid: server.pid });
        const x = runs[r.key];
        log(
          `   ${r.title}: ${x.reqPerSec} req/s, p50 ${x.latencyMs.p50} ms, p95 ${x.latencyMs.p95} ` +
            `ms${x.non2xx ? `, ${x.non2xx} non-2xx` : ''}`,
        );
      }
      const mem = sampler.stop();
      result.figures.load = {
        connections: LOAD.connections,
        durationSecondsEach: LOAD.durationSeconds,
        percentileMethod:
          "exact nearest-rank percentiles over every response's time (autocannon 'response' event, ms, hrtime);" +
          " autocannon's HDR figures (p50/p90/p97_5/p99) are kept alongside",
        runs,
      };
      const bare = runs.health.okReqPerSec;
      for (const r of routes.filter((x) => x.memberList)) {
        const x = runs[r.key];
        const statusOk = x.non2xx === 0 && x.errors === 0;
        result.checks[`${r.key}.p95Ms`] = {
          ...check(x.latencyMs.p95, TARGETS.memberListP95Ms),
          ...(statusOk ? {} : { pass: false, why: 'non-2xx answers or errors' }),
        };
        result.checks[`${r.key}.throughputRatio`] = check(
          round(x.okReqPerSec / bare, 3),
          TARGETS.memberListThroughputRatio,
          '>=',
        );
        // the same ratio from server CPU per request (informative, robust to other load on the machine)
        x.cpuRatioToBare =
          runs.health.serverCpuMsPerRequest && x.serverCpuMsPerRequest
            ? round(runs.health.serverCpuMsPerRequest / x.serverCpuMsPerRequest, 3)
            : null;
      }
      for (const r of routes.filter((x) => x.target)) {
        const x = runs[r.key];
        const statusOk = x.non2xx === 0 && x.errors === 0;
        result.checks[`${r.key}.p95Ms`] = {
          ...check(x.latencyMs.p95, TARGETS[r.target]),
          ...(statusOk ? {} : { pass: false, why: 'non-2xx answers or errors' }),
        };
      }
      result.figures.memory = {
        beforeLoadRssMb: round(memBefore.rss),
        maxSampledRssDuringLoadMb: mem.maxRssMb,
        vmHwmAfterLoadMb: mem.hwmMb,
        samples: mem.samples,
        note:
          'VmHWM of the server process (peak RSS since its start, which includes startup) read right after' +
          ' the load; VmRSS sampled every 100 ms during it',
      };
      result.checks.peakRssMb = check(mem.hwmMb ?? mem.maxRssMb, TARGETS.peakRssMb);
      // Resident after the load (the caches full): what the process keeps, as opposed to its peak.
      result.figures.memory.rssAfterLoadMb = round(procMemoryMb(server.pid).rss);
      result.checks.rssAfterLoadMb = check(result.figures.memory.rssAfterLoadMb, TARGETS.rssAfterBenchMb);
      result.debts = debtsOf(routes, runs, result.checks, bare);
    });

    // 4. Import of 20,000 rows -------------------------------------------------------------------
    let file;
    await step('import over HTTP', async () => {
      log(`4. import of ${IMPORT_ROWS} rows …`);
      const tplRes = await api.request('GET', '/api/members/import-template');
      if (tplRes.status !== 200) throw new Error(`import-template → ${tplRes.status}`);
      const headers = await templateHeaders(Buffer.from(await tplRes.arrayBuffer()));
      const orgIds = ids.villages.map((v) => v.id);
      if (!orgIds.length) throw new Error('no village branch found in the tree');
      const tb = performance.now();
      const buffer = await rosterXlsx(headers, rosterRows(IMPORT_ROWS, orgIds));
      const buildSeconds = (performance.now() - tb) / 1000;
      file = path.join(tmp, `roster-${IMPORT_ROWS}.xlsx`);
      fs.writeFileSync(file, buffer);
      const rssBefore = procMemoryMb(server.pid).rss;
      const sampler = sampleRss(server.pid, 50);
      const form = new FormData();
      form.append(
        'file',
        new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        'roster.xlsx',
      );
      const cpu0 = procCpuMs(server.pid);
      const t0 = performance.now();
      const res = await api.request('POST', '/api/members/import', { body: form, timeoutMs: 120_000 });
      const report = await res.json();
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = (procCpuMs(server.pid) - cpu0) / 1000;
      const mem = sampler.stop();
      result.figures.importHttp = {
        rows: IMPORT_ROWS,
        fileBytes: buffer.length,
        fileBuildSeconds: round(buildSeconds, 2),
        villageBranches: orgIds.length,
        headers,
        status: res.status,
        imported: report.imported ?? null,
        firstErrors: (report.errors ?? report.error ?? []).slice?.(0, 5) ?? report.error,
        seconds: round(seconds, 2),
        serverCpuSeconds: round(cpuSeconds, 2),
        serverRssBeforeMb: round(rssBefore),
        serverMaxRssDuringImportMb: mem.maxRssMb,
        serverVmHwmAfterImportMb: mem.hwmMb,
        note:
          'POST /api/members/import (multipart `file`, x-csrf-token) to the answer, against the running' +
          ' server after the load',
      };
      if (res.status !== 200 || report.imported !== IMPORT_ROWS)
        throw new Error(
          `import answered ${res.status}, ` +
            `imported ${report.imported}:` +
            ` ${JSON.stringify(report.errors?.slice(0, 3) ?? report).slice(0, 300)}`,
        );
      result.checks['importHttp.seconds'] = check(result.figures.importHttp.seconds, TARGETS.import20kSeconds);
      log(`   HTTP import: ${seconds.toFixed(2)} s (${res.status}, ${report.imported} imported)`);
    });

    await step('server stop', async () => {
      await stopServer(server);
      server = null;
    });

    await step('import with the CLI', async () => {
      if (!file) throw new Error('no roster file (the HTTP step failed before building it)');
      const r = await runCli(['import', 'members', file], {
        env: { DATA_DIR: pristine, DATABASE_URL: '' },
        timeoutMs: 120_000,
      });
      const seconds = r.ms / 1000;
      result.figures.importCli = {
        rows: IMPORT_ROWS,
        exitCode: r.code,
        seconds: round(seconds, 2),
        cpuSeconds: round(r.cpuMs / 1000, 2),
        output: (r.stdout + r.stderr).trim().split('\n').slice(-3),
        note:
          '`dangjian import members FILE` on a fresh copy of the loaded demo DATA_DIR, wall time including' +
          ' the CLI start (tsx, migrate check)',
      };
      if (r.code !== 0)
        throw new Error(`CLI import exited ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-300)}`);
      result.checks['importCli.seconds'] = check(result.figures.importCli.seconds, TARGETS.import20kSeconds);
      log(`   CLI import: ${seconds.toFixed(2)} s`);
    });
  }

  if (server) await stopServer(server);
  result.finishedAt = new Date().toISOString();
  // The load average also counts the bench's own processes of the preceding minute; before the first
  // step it is all other work.
  result.notes.push(
    "loadavgAtSteps: the 1-minute load average at the start of each step (it includes the bench's own work of" +
      ' the minute before)',
  );
  if (result.loadavgBefore > 1) {
    result.notes.push(
      `other work was running on this ${os.cpus().length}-CPU machine when the bench started (1-minute load ` +
        `average ${result.loadavgBefore}): the timings are pessimistic`,
    );
  }
  result.allPass = Object.values(result.checks).every((c) => c.pass) && result.errors.length === 0;
  if (!process.env.BENCH_KEEP_DATA) {
    try {
      fs.rmSync(path.join(tmp, 'data'), { recursive: true, force: true });
      fs.rmSync(pristine, { recursive: true, force: true });
      fs.rmSync(path.join(tmp, `roster-${IMPORT_ROWS}.xlsx`), { force: true });
    } catch {
      /* best effort */
    }
    result.notes.push(`temporary data removed (set BENCH_KEEP_DATA=1 to keep it); server log kept at ${logFile}`);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runServerBench({ log: (l) => console.error(l) });
  console.log(JSON.stringify(r, null, 2));
}

// The server benchmark's parts: the targets, one autocannon load run, the discovery of the ids the load uses.
import autocannon from 'autocannon';
import { HOST, percentile, procCpuMs, round, withTimeout } from './lib.mjs';

export const TARGETS = {
  demoSeconds: 60,
  coldStartSeconds: 3,
  memberListP95Ms: 50,
  memberListThroughputRatio: 0.2,
  import20kSeconds: 10,
  peakRssMb: 300,
  rssAfterBenchMb: 300,
  meetingListP95Ms: 50,
  complianceCountyP95Ms: 200,
};

export const LOAD = { connections: 32, durationSeconds: 10, warmupSeconds: 3 };
export const IMPORT_ROWS = 20_000;
export const PASSWORD = 'Dangjian@2026';

export function check(value, target, cmp = '<') {
  const pass = value == null ? false : cmp === '<' ? value < target : value >= target;
  return { value, target: `${cmp} ${target}`, pass };
}

/**
 * Issue 16's three speed debts, each the worst of its routes, from one run beside the bare route: member list
 * throughput / bare (req/s), the county-wide meeting lists' p95 with filters, the server's RSS after the load.
 */
export function debtsOf(routes, runs, checks, bareReqPerSec) {
  const memberRoutes = routes.filter((x) => x.memberList).map((x) => x.key);
  const countyMeetings = routes.filter((x) => x.county).map((x) => x.key);
  return {
    memberListThroughputRatio: check(
      Math.min(...memberRoutes.map((k) => checks[`${k}.throughputRatio`].value)),
      TARGETS.memberListThroughputRatio,
      '>=',
    ),
    meetingListCountyP95Ms: check(
      Math.max(...countyMeetings.map((k) => runs[k].latencyMs.p95)),
      TARGETS.meetingListP95Ms,
    ),
    rssAfterLoadMb: checks.rssAfterLoadMb,
    bareRouteReqPerSec: bareReqPerSec,
  };
}

/** One autocannon run of `durationSeconds`, per-request latencies collected from the 'response' events. */
export async function load(
  port,
  cookie,
  { title, paths, serverPid, durationSeconds = LOAD.durationSeconds, connections = LOAD.connections, collect = true },
) {
  const latencies = [];
  const cpu0 = serverPid ? procCpuMs(serverPid) : null;
  const statuses = {};
  const instance = autocannon({
    url: `http://${HOST}:${port}`,
    connections,
    duration: durationSeconds,
    headers: { cookie, accept: 'application/json' },
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  if (collect) {
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  }
  const result = await withTimeout(instance, (durationSeconds + 20) * 1000, `load ${title}`);
  const cpuMs = serverPid ? procCpuMs(serverPid) - cpu0 : null;
  if (!collect) return null;
  latencies.sort((a, b) => a - b);
  const seconds = (Date.parse(result.finish) - Date.parse(result.start)) / 1000 || durationSeconds;
  const ok = statuses[200] ?? 0;
  return {
    title,
    paths: paths.length > 3 ? [...paths.slice(0, 3), `… ${paths.length} paths in rotation`] : paths,
    connections,
    durationSeconds: round(seconds, 2),
    requests: latencies.length,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerSec: round(latencies.length / seconds, 1),
    okReqPerSec: round(ok / seconds, 1),
    // server CPU (user+sys, all threads) per request: unlike req/s, hardly moved by other work on the machine
    serverCpuMsPerRequest: cpuMs == null || !latencies.length ? null : round(cpuMs / latencies.length, 3),
    serverCpuShare: cpuMs == null ? null : round(cpuMs / (seconds * 1000), 2),
    // exact nearest-rank percentiles over every response of the run (ms)
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p90: round(percentile(latencies, 90), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(latencies.at(-1), 2),
      mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1), 2),
    },
    // autocannon's own HDR histogram (integer ms) for cross-checking
    autocannon: {
      reqPerSecAverage: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        average: result.latency.average,
      },
    },
  };
}

/** Finds the ids the load and the import need: root, a township, village branches, some members. */
export async function discover(api) {
  const [root] = (await api.getJson('/api/orgs/tree')).items;
  const level1 = (await api.getJson(`/api/orgs/tree?parent=${root.id}`)).items;
  const townships = level1.filter((o) => o.type === 'committee' && o.field === 'rural' && /[镇乡]党委$/.test(o.name));
  // the township with the most members, for a representative subtree
  const township = [...townships].sort((a, b) => b.memberCount - a.memberCount)[0] ?? level1[0];
  const villages = [];
  for (const t of townships) {
    const kids = (await api.getJson(`/api/orgs/tree?parent=${t.id}`)).items;
    for (const k of kids) if (k.type === 'branch' && k.field === 'rural' && /村党支部$/.test(k.name)) villages.push(k);
    if (villages.length >= 40) break;
  }
  const page = await api.getJson('/api/members?pageSize=500&page=7');
  const memberIds = page.items.filter((_, i) => i % 25 === 0).map((m) => m.id);
  const total = (await api.getJson('/api/members?pageSize=1')).total;
  return { root, township, villages, memberIds, memberTotal: total };
}

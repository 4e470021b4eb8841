/**
 * Module manifests: one per module folder, listed once; they define every capability exactly once, name every table
 * an organization's move must re-path (checked against the migrated schema), and carry the demo and the daily jobs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_LABELS } from '@dangjian/contracts';
import { dailyJobs, MANIFESTS, ORG_SCOPED_TABLES } from '../../src/areas/index.js';
import { demoContributors, STAGE_LABELS } from '../../src/demo/load.js';
import { createEnv, type TestEnv } from '../harness.js';

const AREAS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/areas');

describe('module manifests', () => {
  it('every module folder has an index.ts whose manifest is in the list, once, under its own area and name', () => {
    const folders = fs
      .readdirSync(AREAS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((area) =>
        fs
          .readdirSync(path.join(AREAS, area.name), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((m) => `${area.name}/${m.name}`),
      )
      .sort();
    for (const f of folders) expect(fs.existsSync(path.join(AREAS, f, 'index.ts')), f).toBe(true);
    const listed = MANIFESTS.map((m) => `${m.area}/${m.name}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(folders);
    for (const m of MANIFESTS) expect(m.routes.length, m.name).toBeGreaterThan(0);
  });

  it('every capability is defined by exactly one manifest and has zh/en labels', () => {
    const defined = MANIFESTS.flatMap((m) => m.capabilities ?? []);
    expect([...defined].sort()).toEqual([...CAPABILITIES].sort());
    for (const c of CAPABILITIES) {
      expect(CAPABILITY_LABELS[c].zh, c).toMatch(/\p{Script=Han}/u);
      expect(CAPABILITY_LABELS[c].en, c).toMatch(/^[A-Z]/);
    }
  });

  it('the demo runs the contributors of the manifests in list order, and the server their daily jobs', () => {
    expect(demoContributors().map((c) => c.name)).toEqual([
      'meetings',
      'residents',
      'development',
      'transfers',
      'mobility',
      'dues',
      'tasks',
      'inspections',
      'problems',
      'weakOrgs',
      'accountability',
      'bulletins',
      'ratings',
      'pledges',
      'points',
      'reports',
      'selections',
      'retraining',
      'cadres',
      'dispatches',
      'contactPoints',
      'posts',
      'learning',
      'training',
      'incomes',
      'projects',
      'funds',
    ]);
    // The start log names each stage in words.
    for (const c of demoContributors()) expect(STAGE_LABELS[c.name], c.name).toMatch(/^\p{Script=Han}/u);
    expect(dailyJobs().map((j) => j.name)).toEqual([
      'reminders',
      'escalations',
      'wish claim release',
      'development reminders',
      'dues bills and six-month flags',
      'tasks checks and reminders',
      'problem reminders',
      'ratings final after the objection window',
      'points harvest',
    ]);
  });
});

describe('org-scoped tables', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv('sqlite');
  });
  afterAll(() => env?.close());

  it('are exactly the tables of the migrated schema that carry tenant_id and org_path, each named once', async () => {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(env.ctx.db);
    const scoped: string[] = [];
    for (const { name } of tables.rows) {
      const cols = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(env.ctx.db);
      const names = new Set(cols.rows.map((c) => c.name));
      if (names.has('tenant_id') && names.has('org_path')) scoped.push(name);
    }
    expect(new Set(ORG_SCOPED_TABLES).size).toBe(ORG_SCOPED_TABLES.length);
    expect([...ORG_SCOPED_TABLES].sort()).toEqual(scoped.sort());
  });
});

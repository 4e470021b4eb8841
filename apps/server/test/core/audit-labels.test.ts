/**
 * Every audit action code the server writes, and every entity type, has its zh/en label in the contracts: the codes
 * are read from the source (literal actions, the soft-delete, reveal and recycle helpers, the audited flows) and from
 * the routes the app declares (their failed-write actions, the crud kit's `<prefix>.<op>`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDITED_FLOWS,
  CAPABILITIES,
  ERRORS,
  auditActionsMatching,
} from '@dangjian/contracts';
import { ROUTE_AUDIT_ACTIONS } from '../../src/platform/routes.js';
import { createEnv, type TestEnv } from '../harness.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const NOT_AUDIT = new Set<string>([...CAPABILITIES, ...Object.keys(ERRORS)]);
const CODE = /'([a-z][a-z_]*\.[a-z][a-z_]*)'/g;

/** The audit action codes and entity types one source text writes. */
export function auditCodesIn(text: string): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const line of text.split('\n')) {
    // A literal code on a line that names an action or an audit (capabilities and error codes excepted).
    if (/\b(action|audit|[A-Za-z]*Change)\b/.test(line) || /Change\(/.test(line))
      for (const m of line.matchAll(CODE)) if (!NOT_AUDIT.has(m[1])) actions.add(m[1]);
    for (const m of line.matchAll(/entityType:\s*'([a-z_]+)'/g)) entities.add(m[1]);
    for (const m of line.matchAll(/writeRecorder\(\s*'([a-z_]+)'/g)) entities.add(m[1]);
    // Helpers that build `<entity>.<verb>` themselves.
    for (const m of line.matchAll(/residentsChange\(\s*'([a-z_]+)'/g)) entities.add(m[1]);
    for (const m of line.matchAll(/recycledChange\([^,]+,[^,]+,\s*'([a-z_]+)'/g)) {
      entities.add(m[1]);
      actions.add(`${m[1]}.delete`).add(`${m[1]}.restore`);
    }
    for (const m of line.matchAll(/revealNumbers\([^,]+,[^,]+,\s*'([a-z_]+)'/g)) {
      entities.add(m[1]);
      actions.add(`${m[1]}.reveal`);
    }
  }
  return { actions, entities };
}

describe('audit labels', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv('sqlite');
  });
  afterAll(async () => env?.close());

  it('the scan finds what a source writes', () => {
    const found = auditCodesIn(
      "await writeAudit(ctx, trx, actor, { action: 'thing.frob', entityType: 'thing' });\n" +
        "const c = recycledChange(ctx, actor, 'widget', row, true);\n" +
        "r.get('/x', { can: 'audit.read', audit: 'thing.poke' });",
    );
    expect([...found.actions].sort()).toEqual(['thing.frob', 'thing.poke', 'widget.delete', 'widget.restore']);
    expect([...found.entities].sort()).toEqual(['thing', 'widget']);
  });

  it('every action code and entity type the server writes has a zh/en label', () => {
    const actions = new Set<string>(ROUTE_AUDIT_ACTIONS);
    const entities = new Set<string>();
    for (const file of sources(SRC)) {
      const found = auditCodesIn(fs.readFileSync(file, 'utf8'));
      for (const a of found.actions) actions.add(a);
      for (const e of found.entities) entities.add(e);
    }
    for (const flow of AUDITED_FLOWS) {
      entities.add(flow.entityType);
      for (const move of Object.keys(flow.actions)) actions.add(`${flow.entityType}.${move}`);
    }
    // The scan sees the whole server: the routes alone declare dozens, the services more.
    expect(ROUTE_AUDIT_ACTIONS.size).toBeGreaterThan(40);
    expect(actions.has('auth.login') && actions.has('member.reveal') && actions.has('request.escalate')).toBe(true);
    const unlabelled = [...actions].filter((a) => !AUDIT_ACTIONS[a]?.zh || !AUDIT_ACTIONS[a]?.en).sort();
    expect(unlabelled, 'audit actions without a label in the contracts (<module>.audit.ts)').toEqual([]);
    const unnamed = [...entities].filter((e) => !AUDIT_ENTITIES[e]?.zh || !AUDIT_ENTITIES[e]?.en).sort();
    expect(unnamed, 'audit entity types without a label in the contracts (<module>.audit.ts)').toEqual([]);
  });

  it('labels are words, not codes, and a word finds its codes', () => {
    for (const [code, l] of Object.entries(AUDIT_ACTIONS)) {
      expect(l.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(l.zh, code).not.toMatch(/[a-z]+\.[a-z]/);
    }
    expect(auditActionsMatching('登录')).toEqual(expect.arrayContaining(['auth.login', 'resident.sign_in']));
    expect(auditActionsMatching('登录')).not.toContain('member.update');
    expect(auditActionsMatching('sign in')).toContain('auth.login');
  });
});

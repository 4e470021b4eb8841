/**
 * The development flow as a table: every stage × move is allowed or refused with its code (a stage move from the
 * wrong stage, anything on an ended candidacy); an allowed move leaves one timeline entry and one audit record and
 * sets the stage; the branch secretary holds neither the admission nor the conversion.
 */
import type { DevelopmentAction, DevelopmentStage } from '@dangjian/contracts';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/errors.js';
import { act, allowedActions, asUser, checkMove } from '../../src/platform/workflow.js';
import type { CandidateRow } from '../../src/areas/people/development/development.repository.js';
import { developmentFlow } from '../../src/areas/people/development/development.workflow.js';
import { useFlowKit } from '../residents/workflow-kit.js';
import { dialects, testIdNumber } from '../harness.js';

const STAGES: DevelopmentStage[] = ['applicant', 'activist', 'target', 'probationary', 'full', 'refused', 'lapsed'];
const W = 'development.wrong_stage';
const C = 'development.closed';
/** Expected outcome per move, in the order of STAGES. */
const TABLE: Record<Exclude<DevelopmentAction, 'apply'>, string[]> = {
  record_step: ['ok', 'ok', 'ok', 'ok', C, C, C],
  make_activist: ['ok', W, W, W, W, W, W],
  make_target: [W, 'ok', W, W, W, W, W],
  admit: [W, W, 'ok', W, W, W, W],
  convert: [W, W, W, 'ok', W, W, W],
  extend: [W, W, W, 'ok', W, W, W],
  refuse: ['ok', 'ok', 'ok', 'ok', C, C, C],
  lapse: ['ok', 'ok', 'ok', W, W, W, W],
};
const INPUT = { step: 'note', date: '2026-06-01', months: 6, reason: '依规办理', set: {}, note: '表格测试' };

describe.each(dialects())('the development flow as a table on %s', (dialect) => {
  const k = useFlowKit(dialect);
  let seq = 0;
  async function candidate(status: DevelopmentStage): Promise<CandidateRow> {
    const now = k.env.clock.now.toISOString();
    const org = k.fx.villageA1;
    const id = testIdNumber('male', '1999-01-02');
    const { id: rowId } = await k.env.ctx.db
      .insertInto('development_candidates')
      .values({
        tenant_id: k.fx.county,
        org_id: org,
        org_path: k.path.get(org)!,
        name: `表格${(seq += 1)}`,
        gender: 'male',
        id_number_enc: k.env.ctx.vault.encrypt(id),
        id_number_hash: k.env.ctx.vault.lookupHash(id),
        id_number_masked: '430521********0000',
        birth_date: '1999-01-02',
        status,
        stage_since: '2026-01-01',
        applied_on: '2025-01-01',
        plan_year: 2026,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return k.env.ctx.db
      .selectFrom('development_candidates')
      .selectAll()
      .where('id', '=', rowId)
      .executeTakeFirstOrThrow();
  }
  const read = (id: number) =>
    k.env.ctx.db.selectFrom('development_candidates').select('status').where('id', '=', id).executeTakeFirst();

  for (const [action, row] of Object.entries(TABLE) as [Exclude<DevelopmentAction, 'apply'>, string[]][])
    it(`${action}: ${row.join(' / ')}`, async () => {
      const county = asUser(k.actor('county_admin', k.fx.county));
      const got: string[] = [];
      for (const stage of STAGES) {
        const r = await candidate(stage);
        got.push(
          await k.attempt(
            'development_candidate',
            () => act(k.env.ctx, county, developmentFlow, r, action, INPUT),
            r.id,
            () => read(r.id),
          ),
        );
      }
      expect(got).toEqual(row);
    });

  it('moves to the stage the spec names and lists only the moves the caller may make', async () => {
    const county = asUser(k.actor('county_admin', k.fx.county));
    const branch = asUser(k.actor('branch_secretary', k.fx.villageA1));
    const r = await candidate('target');
    expect(allowedActions(county, developmentFlow, r).sort()).toEqual(['admit', 'lapse', 'record_step', 'refuse']);
    expect(allowedActions(branch, developmentFlow, r).sort()).toEqual(['lapse', 'record_step', 'refuse']);
    const refused = (() => {
      try {
        checkMove(branch, developmentFlow, r, 'admit', INPUT);
        return 'ok';
      } catch (e) {
        return (e as DomainError).code;
      }
    })();
    expect(refused).toBe('forbidden');
    await act(k.env.ctx, county, developmentFlow, r, 'admit', INPUT);
    expect((await read(r.id))?.status).toBe('probationary');
    // A sibling branch's secretary does not see it at all.
    const sibling = asUser(k.actor('branch_secretary', k.fx.villageA2));
    const p = await candidate('probationary');
    expect(() => checkMove(sibling, developmentFlow, p, 'extend', INPUT)).toThrow(/not_found/);
  });
});

/**
 * References in write bodies are checked against the caller's scope: the households named in a body.
 * Set-up in references-kit.ts; the other kinds in the sibling references-scope*.test.ts files.
 */
import { describe } from 'vitest';
import { dialects } from '../harness.js';
import { type Case, referencesEnv, scopeCaseTests } from './references-kit.js';

describe.each(dialects())(
  "references to households in write bodies are checked against the caller's scope on %s",
  (dialect) => {
    const rs = referencesEnv(dialect);
    const { ok, request, removePairing } = rs;

    const CASES: Case[] = [
      // ---- households named in a body
      {
        name: 'POST /api/wishes householdId',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/wishes', {
            orgId: rs.fx.villageA1,
            kind: 'wish',
            title: '修缮屋顶',
            description: '屋顶漏雨',
            householdId: id,
          }),
      },
      {
        name: 'POST /api/errands householdId',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/errands', {
            orgId: rs.fx.villageA1,
            title: '代办',
            residentName: '某人',
            memberId: rs.fx.memberIn.villageA1,
            householdId: id,
          }),
      },
      {
        name: 'POST /api/requests householdId',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.post('/api/requests', request({ householdId: id })),
      },
      {
        name: 'POST /api/visits householdId',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/visits', {
            householdId: id,
            visitorMemberId: rs.fx.memberIn.villageA1,
            visitedOn: '2026-06-11',
            found: '了解情况',
          }),
      },
      {
        name: 'POST /api/pairings householdId',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/pairings', {
            householdId: id,
            cadreMemberId: rs.fx.memberIn.villageA1,
            startedOn: '2026-06-01',
          }),
        undo: removePairing,
      },
      {
        name: 'POST /api/household-groups householdIds[]',
        kind: 'household',
        as: 'sec',
        inScope: () => rs.hhA1b,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/household-groups', {
            orgId: rs.fx.villageA1,
            name: `户组${id}`,
            leaderKind: 'capable',
            leaderName: '组长',
            householdIds: [id],
          }),
        undo: async (cl, res) => void (await ok(cl.delete(`/api/household-groups/${res.json().id}`))),
      },
    ];

    scopeCaseTests(rs, CASES);
  },
);

/**
 * References in write bodies are checked against the caller's scope: the households named in a body.
 * Set-up in references-kit.ts; the other kinds in the sibling references-scope*.test.ts files.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from '../harness.js';
import { type Case, referencesEnv } from './references-kit.js';

describe.each(dialects())(
  "references to households in write bodies are checked against the caller's scope on %s",
  (dialect) => {
    const rs = referencesEnv(dialect);
    const { c, ids, names, ok, successes, request, removePairing } = rs;

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

    it.each(CASES.map((k) => [k.name, k] as const))(
      '%s: an id outside the scope is a 404/400 with nothing written and nothing shown',
      async (_name, k) => {
        for (const where of k.out) {
          const id = ids[k.kind][where];
          const prepared = (await k.prepare?.(c[k.as])) ?? 0;
          const before = await successes();
          const res = await k.send(c[k.as], id, prepared);
          expect([400, 404], `${k.name} with ${k.kind} of ${where}: ${res.statusCode} ${res.body}`).toContain(
            res.statusCode,
          );
          expect(res.json().error.code).toBeTruthy();
          expect(res.body).not.toContain(names[k.kind][where]);
          expect(await successes(), `${k.name} with ${k.kind} of ${where} wrote something`).toBe(before);
        }
      },
    );

    it.each(CASES.map((k) => [k.name, k] as const))(
      '%s: an id of the scope (or of the rule that widens it) succeeds',
      async (_name, k) => {
        for (const id of [k.inScope(), ...(k.widened?.() ?? [])]) {
          const res = await k.send(c[k.as], id, (await k.prepare?.(c[k.as])) ?? 0);
          expect(res.statusCode, `${k.name} with ${id}: ${res.body}`).toBe(200);
          await k.undo?.(c[k.as], res);
        }
      },
    );
  },
);

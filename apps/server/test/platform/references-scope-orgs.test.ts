/**
 * References in write bodies are checked against the caller's scope: the organizations named in a body.
 * Set-up in references-kit.ts; the other kinds in the sibling references-scope*.test.ts files.
 */
import { describe, expect, it } from 'vitest';
import { dialects, testIdNumber } from '../harness.js';
import { type Case, referencesEnv } from './references-kit.js';

describe.each(dialects())(
  "references to organizations in write bodies are checked against the caller's scope on %s",
  (dialect) => {
    const rs = referencesEnv(dialect);
    const { c, ids, names, successes, request, freshRequest } = rs;

    const CASES: Case[] = [
      // ---- organizations named in a body
      {
        name: 'POST /api/requests orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.post('/api/requests', request({ orgId: id })),
      },
      {
        name: 'POST /api/requests/:id/transfer toOrgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        widened: () => [rs.fx.townA, rs.countyOrgan],
        prepare: freshRequest,
        send: (cl, id, r) => cl.post(`/api/requests/${r}/transfer`, { toOrgId: id, note: '请协助' }),
      },
      {
        name: 'POST /api/wishes orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/wishes', { orgId: id, kind: 'wish', title: '修缮屋顶', description: '屋顶漏雨' }),
      },
      {
        name: 'POST /api/errands orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/errands', {
            orgId: id,
            title: '代办',
            residentName: '某人',
            memberId: rs.fx.memberIn.villageA1,
          }),
      },
      {
        name: 'POST /api/households orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.post('/api/households', { orgId: id, address: '新址', headName: '新户', tags: [] }),
      },
      {
        name: 'PATCH /api/households/:id orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.patch(`/api/households/${rs.hhA1b}`, { orgId: id }),
      },
      {
        name: 'POST /api/household-groups orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/household-groups', {
            orgId: id,
            name: `组织${id}`,
            leaderKind: 'capable',
            leaderName: '组长',
            householdIds: [],
          }),
      },
      {
        name: 'POST /api/meetings orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/meetings', {
            orgId: id,
            kind: 'committee_meeting',
            topic: '研究工作',
            heldOn: '2026-06-11',
            startTime: '19:30',
          }),
      },
      {
        name: 'POST /api/members orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/members', {
            orgId: id,
            name: '新党员',
            idNumber: testIdNumber(),
            gender: 'male',
            joinedAt: '2010-07-01',
          }),
      },
      {
        name: 'PATCH /api/members/:id orgId',
        kind: 'org',
        as: 'sec',
        inScope: () => rs.fx.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.patch(`/api/members/${rs.memberToEdit}`, { orgId: id }),
      },
      {
        name: 'POST /api/evaluations orgId',
        kind: 'org',
        as: 'town',
        inScope: () => rs.fx.villageA2,
        out: ['B', 'X'],
        send: (cl, id) =>
          cl.post('/api/evaluations', {
            orgId: id,
            kind: 'year_end_org',
            period: '2026',
            grade: 'good',
            evaluatorName: '东乡镇党委',
          }),
      },
      {
        name: 'POST /api/zones orgId',
        kind: 'org',
        as: 'town',
        inScope: () => rs.community,
        out: ['B', 'X'],
        send: (cl, id) => cl.post('/api/zones', { orgId: id, name: '二网格' }),
      },
      {
        name: 'POST /api/orgs parentId',
        kind: 'org',
        as: 'town',
        inScope: () => rs.fx.villageA2,
        out: ['B', 'X'],
        send: (cl, id) => cl.post('/api/orgs', { parentId: id, name: `新小组${id}`, type: 'group' }),
      },
      {
        name: 'POST /api/orgs/:id/move parentId',
        kind: 'org',
        as: 'town',
        inScope: () => rs.fx.villageA2,
        out: ['B', 'X'],
        send: (cl, id) => cl.post(`/api/orgs/${rs.movable}/move`, { parentId: id }),
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

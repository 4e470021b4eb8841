/**
 * References in write bodies are checked against the caller's scope: the organizations named in a body.
 * Set-up in references-kit.ts; the other kinds in the sibling references-scope*.test.ts files.
 */
import { describe } from 'vitest';
import { dialects, testIdNumber } from '../harness.js';
import { type Case, referencesEnv, scopeCaseTests } from './references-kit.js';

describe.each(dialects())(
  "references to organizations in write bodies are checked against the caller's scope on %s",
  (dialect) => {
    const rs = referencesEnv(dialect);
    const { request, freshRequest } = rs;

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

    scopeCaseTests(rs, CASES);
  },
);

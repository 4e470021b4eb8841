/**
 * References in write bodies are checked against the caller's scope: the members named in a body.
 * Set-up in references-kit.ts; the other kinds in the sibling references-scope*.test.ts files.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from '../harness.js';
import { type Case, referencesEnv, scopeCaseTests } from './references-kit.js';

describe.each(dialects())(
  "references to members in write bodies are checked against the caller's scope on %s",
  (dialect) => {
    const rs = referencesEnv(dialect);
    const { c, ids, ok, request, removePairing } = rs;

    const CASES: Case[] = [
      // ---- members named in a body
      {
        name: 'POST /api/requests ownerMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.post('/api/requests', request({ ownerMemberId: id })),
      },
      {
        name: 'POST /api/requests/:id/assign ownerMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.post(`/api/requests/${rs.requestA}/assign`, { ownerMemberId: id }),
      },
      {
        name: 'POST /api/visits visitorMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        widened: () => [rs.fx.memberIn.townA, rs.fx.memberIn.county, rs.countyOrganMember],
        send: (cl, id) =>
          cl.post('/api/visits', {
            householdId: rs.hhA,
            visitorMemberId: id,
            visitedOn: '2026-06-11',
            found: '了解情况',
          }),
      },
      {
        name: 'PATCH /api/visits/:id visitorMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        widened: () => [rs.fx.memberIn.townA],
        send: (cl, id) => cl.patch(`/api/visits/${rs.visitA}`, { visitorMemberId: id }),
      },
      {
        name: 'POST /api/household-groups leaderMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/household-groups', {
            orgId: rs.fx.villageA1,
            name: `组${id}`,
            leaderKind: 'member',
            leaderName: '组长',
            leaderMemberId: id,
            householdIds: [],
          }),
      },
      {
        name: 'PATCH /api/household-groups/:id leaderMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.patch(`/api/household-groups/${rs.groupA}`, { leaderMemberId: id }),
      },
      {
        name: 'POST /api/meetings lecturerMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        widened: () => [rs.fx.memberIn.townA],
        send: (cl, id) =>
          cl.post('/api/meetings', {
            orgId: rs.fx.villageA1,
            kind: 'party_lecture',
            topic: '党课',
            heldOn: '2026-06-11',
            startTime: '19:30',
            lecturerMemberId: id,
            lecturerRole: 'leader',
          }),
      },
      {
        name: 'PATCH /api/meetings/:id lecturerMemberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) => cl.patch(`/api/meetings/${rs.meetingA}`, { lecturerMemberId: id }),
      },
      {
        name: 'PATCH /api/meetings/:id attendance[].memberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.patch(`/api/meetings/${rs.meetingA}`, { attendance: [{ memberId: id, status: 'present' }] }),
      },
      {
        name: 'POST /api/errands memberId',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['A2', 'B', 'X'],
        send: (cl, id) =>
          cl.post('/api/errands', { orgId: rs.fx.villageA1, title: '代办', residentName: '某人', memberId: id }),
      },
      {
        name: 'POST /api/pairings cadreMemberId (widened: any member of the county)',
        kind: 'member',
        as: 'sec',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['X'],
        widened: () => [rs.fx.memberIn.villageA2, rs.fx.memberIn.villageB1],
        send: (cl, id) => cl.post('/api/pairings', { householdId: rs.hhA, cadreMemberId: id, startedOn: '2026-06-01' }),
        undo: removePairing,
      },
      {
        name: 'POST /api/zones/:id/members memberId',
        kind: 'member',
        as: 'town',
        inScope: () => rs.fx.memberIn.villageA2,
        out: ['B', 'X'],
        widened: () => [rs.fx.memberIn.county, rs.countyOrganMember],
        send: (cl, id) => cl.post(`/api/zones/${rs.zone}/members`, { memberId: id }),
      },
      {
        name: 'PATCH /api/orgs/:id committee[].memberId',
        kind: 'member',
        as: 'town',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['B', 'X'],
        send: (cl, id) =>
          cl.patch(`/api/orgs/${rs.fx.villageA1}`, {
            committee: [{ name: '委员', position: '组织委员', memberId: id }],
          }),
      },
      {
        name: 'POST /api/orgs committee[].memberId',
        kind: 'member',
        as: 'town',
        inScope: () => rs.fx.memberIn.villageA1,
        out: ['B', 'X'],
        send: (cl, id) =>
          cl.post('/api/orgs', {
            parentId: rs.fx.villageA1,
            name: `小组${id}`,
            type: 'group',
            committee: [{ name: '组长', position: '组长', memberId: id }],
          }),
      },
    ];

    scopeCaseTests(rs, CASES);

    it("a meeting of a party group lists only members of its own branch, never another tenant's", async () => {
      const m = await ok(
        c.sec.post('/api/meetings', {
          orgId: rs.fx.groupA1,
          kind: 'group_meeting',
          topic: '小组会',
          heldOn: '2026-06-11',
          startTime: '19:30',
          attendance: [{ memberId: rs.fx.memberIn.villageA1, status: 'present' }],
        }),
      );
      expect(m.attendance.map((a: { memberId: number }) => a.memberId)).toEqual([rs.fx.memberIn.villageA1]);
      for (const where of ['A2', 'B', 'X'] as const) {
        const res = await c.sec.patch(`/api/meetings/${m.id}`, {
          attendance: [{ memberId: ids.member[where], status: 'present' }],
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('meetings.not_attendee');
      }
    });
  },
);

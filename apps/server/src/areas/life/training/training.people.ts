/**
 * The people of a class: its attendees (members of the organizer's subtree; another township's member is not
 * found), each session's attendance (after the plan is approved, for a session already held; recorded by the
 * organizer, never clicked by the member) and the attendees' results.
 */
import type {
  TrainingAttendanceT,
  TrainingAttendeesT,
  TrainingClassDetailT,
  TrainingResultsT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as repo from './training.repository.js';
import { changed, fieldError, forChange, get, todayOf } from './training.service.js';

/** Sets the attendees (the whole list): members of the organizer's subtree; any other member is not found. */
export async function setAttendees(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: TrainingAttendeesT,
): Promise<TrainingClassDetailT> {
  const r = await forChange(ctx, actor, id);
  const found = await repo.membersUnder(ctx.db, r.tenant_id, r.org_path, input.memberIds);
  if (found.length !== new Set(input.memberIds).size) throw notFound();
  const before = (await repo.attendeesOf(ctx.db, [id])).map((a) => a.member_id);
  const added = input.memberIds.filter((m) => !before.includes(m));
  const dropped = before.filter((m) => !input.memberIds.includes(m));
  if (!added.length && !dropped.length) return get(ctx, actor, id);
  await changed(
    ctx,
    actor,
    r,
    'training.attendees',
    { attendees: { before: before.length, after: input.memberIds.length } },
    async (trx, now) => {
      await repo.removeAttendees(trx, id, dropped);
      await repo.insertRows(
        trx,
        'training_attendees',
        added.map((m) => ({
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          class_id: id,
          member_id: m,
          result: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      );
    },
  );
  return get(ctx, actor, id);
}

/** Records one session's attendance (present: those named; the other attendees absent), after approval. */
export async function setAttendance(
  ctx: Ctx,
  actor: Actor,
  id: number,
  sessionId: number,
  input: TrainingAttendanceT,
): Promise<TrainingClassDetailT> {
  const r = await forChange(ctx, actor, id);
  const session = (await repo.sessionsOf(ctx.db, [id])).find((s) => s.id === sessionId);
  if (!session) throw notFound();
  if (r.status !== 'approved') throw new DomainError('training.not_open', undefined, 409);
  if (session.held_on > todayOf(ctx)) throw new DomainError('training.session_future', undefined, 409);
  const attendees = (await repo.attendeesOf(ctx.db, [id])).map((a) => a.member_id);
  if (input.present.some((m) => !attendees.includes(m))) throw fieldError('training.not_attendee', 'present');
  const present = new Set(input.present);
  await changed(
    ctx,
    actor,
    r,
    'training.attendance',
    {
      attendance: {
        before: null,
        after: { sessionId, present: present.size, absent: attendees.length - present.size },
      },
    },
    async (trx, now) =>
      repo.replaceAttendance(
        trx,
        sessionId,
        attendees.map((m) => ({
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          class_id: id,
          session_id: sessionId,
          member_id: m,
          present: present.has(m) ? 1 : 0,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      ),
  );
  return get(ctx, actor, id);
}

/** Records attendees' results (合格/不合格) once the class is open. */
export async function setResults(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: TrainingResultsT,
): Promise<TrainingClassDetailT> {
  const r = await forChange(ctx, actor, id);
  if (r.status !== 'approved') throw new DomainError('training.not_open', undefined, 409);
  const attendees = (await repo.attendeesOf(ctx.db, [id])).map((a) => a.member_id);
  if (input.results.some((x) => !attendees.includes(x.memberId))) throw fieldError('training.not_attendee', 'results');
  const passed = input.results.filter((x) => x.result === 'passed').length;
  await changed(
    ctx,
    actor,
    r,
    'training.results',
    { results: { before: null, after: { passed, failed: input.results.length - passed } } },
    async (trx, now) => {
      for (const x of input.results) await repo.setResult(trx, id, x.memberId, x.result, now);
    },
  );
  return get(ctx, actor, id);
}

/**
 * Workflows as data: the states of a flow and its moves (from, to, who may make them, the fields they need),
 * with zh/en labels for the web's action bar and timeline. The server adds the predicates (scope, who may not
 * act) and the effects of each move (`apps/server/src/platform/workflow.ts`); this part is pure data.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from './enums.js';
import type { Capability } from './roles.js';
import { Nullable } from './schemas.js';

/** Who may make a move: a user holding a capability, a resident signed in by phone, or the system (a job). */
export type FlowActorKind = Capability | 'resident' | 'system';

/** One move of a flow. */
export interface FlowActionSpec<S extends string = string> {
  label: Labelled;
  /** States the move starts from; empty for the move that creates the record. */
  from: readonly S[];
  /** The state it leads to, the possible ones (the move's effect picks), or null when the state stays. */
  to: S | readonly S[] | null;
  /** Any of these may make it. */
  by: readonly FlowActorKind[];
  /** Fields of the move's input that must not be blank. */
  required?: readonly string[];
  /** Who may not make it though holding the capability (the server holds the predicate), in words. */
  notBy?: Labelled;
  /** The word its timeline entry carries (`kind` in the API), e.g. `closed` for `close`. */
  event: string;
}

/** A flow: its states and moves. */
export interface FlowSpec<S extends string = string, A extends string = string> {
  /** Entity type of its records in the timeline and the audit trail, e.g. `request`. */
  entityType: string;
  label: Labelled;
  states: Record<S, Labelled>;
  actions: Record<A, FlowActionSpec<S>>;
}

/** Declares a flow spec (types the states and actions). */
export function defineFlowSpec<S extends string, A extends string>(spec: FlowSpec<S, A>): FlowSpec<S, A> {
  return spec;
}

/**
 * A move in one line: its zh/en label, its timeline word, then where it goes and who makes it
 * (`moveSpec('办结', 'Close', 'closed', { from: ['open'], to: 'closed', by: ['residents.write'] })`).
 */
export function moveSpec<const S extends string>(
  zh: string,
  en: string,
  event: string,
  spec: Omit<FlowActionSpec<S>, 'label' | 'event'>,
): FlowActionSpec<S> {
  return { label: { zh, en }, ...spec, event };
}

/** One entry of a record's timeline, oldest first in a detail answer. */
export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: "the move's timeline word (accepted, closed, claimed …)" }),
  at: Type.String(),
  actorName: Nullable(Type.String()),
  fromState: Type.Optional(Nullable(Type.String())),
  toState: Type.Optional(Nullable(Type.String())),
  fromOrg: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  toOrg: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  note: Nullable(Type.String()),
});
export type TimelineEventT = Static<typeof TimelineEvent>;

/** The moves the caller may make now (names of the flow's actions), for the action bar. */
export const AllowedActions = Type.Array(Type.String(), {
  description: 'the workflow moves the caller may make on this record now',
});

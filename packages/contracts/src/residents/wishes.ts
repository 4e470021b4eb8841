/** API schemas of micro-wishes (console, members, the public wall, residents' phone pages) and proxy errands. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, KeyOf, Nullable, Paging, VERBATIM, Body, ListOf, Stamps, ListQuery, OrgRecord } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import { ERRAND_STATUSES, SATISFACTION, WISH_KINDS, WISH_SOURCES, WISH_STATUSES } from './residents.js';

const Event = TimelineEvent;
const Photo = Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() });

// ---- wishes: console ----
export const Wish = Type.Object({
  ...OrgRecord,
  kind: KeyOf(WISH_KINDS),
  title: Type.String(),
  description: Type.String(),
  residentName: Nullable(Type.String({ description: 'null for members, who never see residents' })),
  phone: Nullable(Type.String({ description: 'masked unless revealed' })),
  householdId: Nullable(Type.Integer()),
  postedVia: KeyOf(WISH_SOURCES),
  status: KeyOf(WISH_STATUSES),
  claimedBy: Nullable(Type.Object({ memberId: Type.Integer(), name: Type.String() })),
  claimedAt: Nullable(Type.String()),
  claimDueAt: Nullable(Type.String()),
  fulfilledAt: Nullable(Type.String()),
  fulfilNote: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  photos: Type.Integer(),
  ...Stamps,
});
export type WishT = Static<typeof Wish>;
export const WishDetail = Type.Composite([
  Wish,
  Type.Object({ events: Type.Array(Event), photoList: Type.Array(Photo), actions: AllowedActions }),
]);
export type WishDetailT = Static<typeof WishDetail>;
export const WishList = ListOf(Wish);
export const WishListQuery = ListQuery({
  kind: Type.Optional(KeyOf(WISH_KINDS)),
  status: Type.Optional(KeyOf(WISH_STATUSES)),
  mine: Type.Optional(Type.Boolean({ description: 'only the wishes I claimed' })),
  deleted: Type.Optional(Type.Boolean()),
});
export type WishListQueryT = Static<typeof WishListQuery>;
export const WishCreate = Body({
  orgId: Type.Integer(),
  kind: KeyOf(WISH_KINDS),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  residentName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
  householdId: Type.Optional(Nullable(Type.Integer())),
});
export type WishCreateT = Static<typeof WishCreate>;
export const WishFulfil = Body({ note: Type.String({ minLength: 1, maxLength: 1000 }) });

// ---- wishes: the public wall and the residents' pages ----
export const PublicWish = Type.Object({
  id: Type.Integer(),
  kind: KeyOf(WISH_KINDS),
  title: Type.String(),
  description: Type.String({ description: 'phone and ID numbers masked' }),
  orgName: Type.String(),
  status: KeyOf(WISH_STATUSES),
  createdAt: Type.String(),
  claimedAt: Nullable(Type.String()),
  fulfilledAt: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
});
export type PublicWishT = Static<typeof PublicWish>;
export const PublicWishList = ListOf(PublicWish);
export const PublicWishQuery = Type.Object({
  county: Type.Optional(Id('tenant id; default: the only county')),
  status: Type.Optional(KeyOf(WISH_STATUSES)),
  kind: Type.Optional(KeyOf(WISH_KINDS)),
  ...Paging,
});
export const PublicPlace = Type.Object({
  id: Type.Integer(),
  /** The village's or community's name (大岭村), not its party organization's. */
  name: Type.String(),
  townshipId: Type.Integer(),
  townshipName: Type.String(),
  countyId: Type.Integer(),
});
export const PublicPlaces = Type.Array(PublicPlace);
export type PublicPlaceT = Static<typeof PublicPlace>;

export const ResidentCodeBody = Body({ phone: Type.String({ minLength: 11, maxLength: 20, ...VERBATIM }) });
export const ResidentCodeSent = Type.Object({
  ok: Type.Boolean(),
  expiresInSeconds: Type.Integer(),
  resendInSeconds: Type.Integer(),
});
export const ResidentVerifyBody = Body({
  phone: Type.String({ minLength: 11, maxLength: 20, ...VERBATIM }),
  code: Type.String({ minLength: 1, maxLength: 10, ...VERBATIM }),
});
export const ResidentMe = Type.Object({ phone: Type.String({ description: 'masked' }), expiresAt: Type.String() });

export const ResidentWish = Type.Object({
  ...OrgRecord,
  kind: KeyOf(WISH_KINDS),
  title: Type.String(),
  description: Type.String(),
  name: Nullable(Type.String()),
  status: KeyOf(WISH_STATUSES),
  claimedByName: Nullable(Type.String()),
  claimedAt: Nullable(Type.String()),
  fulfilledAt: Nullable(Type.String()),
  fulfilNote: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ResidentWishT = Static<typeof ResidentWish>;
export const ResidentWishList = ListOf(ResidentWish);
export const ResidentWishCreate = Body({
  orgId: Type.Integer(),
  kind: KeyOf(WISH_KINDS),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  name: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
});
export type ResidentWishCreateT = Static<typeof ResidentWishCreate>;
export const ResidentRequest = Type.Object({
  id: Type.Integer(),
  requestNo: Type.String({ description: '受理编号, the number a resident quotes when asking after it' }),
  orgName: Type.String(),
  category: Type.String(),
  description: Type.String(),
  level: Type.String(),
  status: Type.String(),
  acceptedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  result: Nullable(Type.String()),
  rating: Nullable(KeyOf(SATISFACTION)),
  reopened: Type.Integer(),
});
export type ResidentRequestT = Static<typeof ResidentRequest>;
export const ResidentRequestList = ListOf(ResidentRequest);
export const ResidentRateBody = Body({ rating: KeyOf(SATISFACTION) });

// ---- errands ----
export const Errand = Type.Object({
  ...OrgRecord,
  memberId: Type.Integer(),
  memberName: Type.String(),
  householdId: Nullable(Type.Integer()),
  residentName: Type.String(),
  phone: Nullable(Type.String({ description: 'masked' })),
  cardNo: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  status: KeyOf(ERRAND_STATUSES),
  takenAt: Type.String(),
  doneAt: Nullable(Type.String()),
  result: Nullable(Type.String()),
  ...Stamps,
});
export type ErrandT = Static<typeof Errand>;
export const ErrandDetail = Type.Composite([
  Errand,
  Type.Object({ events: Type.Array(Event), actions: AllowedActions }),
]);
export type ErrandDetailT = Static<typeof ErrandDetail>;
export const ErrandList = ListOf(Errand);
export const ErrandListQuery = ListQuery({
  status: Type.Optional(KeyOf(ERRAND_STATUSES)),
  mine: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean()),
});
export type ErrandListQueryT = Static<typeof ErrandListQuery>;
export const ErrandCreate = Body({
  orgId: Type.Integer(),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  residentName: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
  householdId: Type.Optional(Nullable(Type.Integer())),
  cardNo: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  memberId: Type.Optional(Nullable(Type.Integer())),
});
export type ErrandCreateT = Static<typeof ErrandCreate>;
export const ErrandNoteBody = Body({ note: Type.String({ minLength: 1, maxLength: 1000 }) });
export const ErrandResultBody = Body({ result: Type.String({ minLength: 1, maxLength: 1000 }) });

/** Moves a member makes on what they claimed or took, or staff on their behalf. */
const MEMBER_OR_STAFF = ['residents.claim', 'residents.write'] as const;
const TAKER_OR_STAFF = { zh: '仅承接的党员或本级工作人员', en: 'Only the member who took it, or staff' };

/**
 * The flow of a micro-wish: posted (by the resident or a worker), claimed by a member with a deadline from the
 * rules, fulfilled by the claimer, confirmed by the resident (or staff on the resident's behalf, never the
 * claimer); an expired claim goes back to the wall; the resident may withdraw a wish nobody claimed.
 */
export const WISH_FLOW = defineFlowSpec({
  entityType: 'wish',
  label: { zh: '微心愿', en: 'Wish' },
  states: WISH_STATUSES,
  actions: {
    post: moveSpec('发布', 'Post', 'posted', {
      from: [],
      to: 'open',
      by: ['residents.write', 'resident'],
      required: ['title'],
    }),
    claim: moveSpec('认领', 'Claim', 'claimed', {
      from: ['open'],
      to: 'claimed',
      by: MEMBER_OR_STAFF,
      notBy: { zh: '须关联党员身份', en: 'Only an account linked to a member' },
    }),
    fulfil: moveSpec('完成', 'Fulfil', 'fulfilled', {
      from: ['claimed'],
      to: 'fulfilled',
      by: MEMBER_OR_STAFF,
      required: ['note'],
      notBy: { zh: '仅认领人', en: 'Only the claimer' },
    }),
    release: moveSpec('释放', 'Release', 'released', {
      from: ['claimed'],
      to: 'open',
      by: MEMBER_OR_STAFF,
      notBy: { zh: '仅认领人或本村（社区）工作人员', en: 'Only the claimer or staff of its village' },
    }),
    expire: moveSpec('认领超期释放', 'Claim expired', 'released', { from: ['claimed'], to: 'open', by: ['system'] }),
    confirm: moveSpec('确认实现', 'Confirm', 'confirmed', {
      from: ['fulfilled'],
      to: 'confirmed',
      by: ['resident', 'residents.write'],
      notBy: { zh: '认领人不能代为确认', en: 'Not the member who fulfilled it' },
    }),
    withdraw: moveSpec('撤回', 'Withdraw', 'withdrawn', {
      from: ['open'],
      to: 'withdrawn',
      by: ['resident'],
      notBy: { zh: '仅提交心愿的群众本人', en: 'Only the resident who posted it' },
    }),
  },
});

/** The flow of a proxy errand: taken by a member, its steps recorded, done with a result or cancelled. */
export const ERRAND_FLOW = defineFlowSpec({
  entityType: 'errand',
  label: { zh: '党员代办', en: 'Errand' },
  states: ERRAND_STATUSES,
  actions: {
    take: moveSpec('承接', 'Take', 'taken', { from: [], to: 'in_progress', by: MEMBER_OR_STAFF, required: ['title'] }),
    step: moveSpec('记录进展', 'Record a step', 'step', {
      from: ['in_progress'],
      to: null,
      by: MEMBER_OR_STAFF,
      required: ['note'],
      notBy: TAKER_OR_STAFF,
    }),
    done: moveSpec('办结', 'Done', 'done', {
      from: ['in_progress'],
      to: 'done',
      by: MEMBER_OR_STAFF,
      required: ['result'],
      notBy: TAKER_OR_STAFF,
    }),
    cancel: moveSpec('取消', 'Cancel', 'cancelled', {
      from: ['in_progress'],
      to: 'cancelled',
      by: MEMBER_OR_STAFF,
      required: ['reason'],
      notBy: TAKER_OR_STAFF,
    }),
  },
});

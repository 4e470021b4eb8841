/** API schemas of micro-wishes (console, members, the public wall, residents' phone pages) and proxy errands. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, KeyOf, Nullable, Paging, VERBATIM } from '../core/schemas.js';
import { ERRAND_STATUSES, SATISFACTION, WISH_KINDS, WISH_SOURCES, WISH_STATUSES } from './residents.js';

const Event = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  at: Type.String(),
  actorName: Nullable(Type.String()),
  fromOrg: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  toOrg: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  note: Nullable(Type.String()),
});
const Photo = Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() });

// ---- wishes: console ----
export const Wish = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
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
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: Nullable(Type.String()),
});
export type WishT = Static<typeof Wish>;
export const WishDetail = Type.Composite([
  Wish,
  Type.Object({ events: Type.Array(Event), photoList: Type.Array(Photo) }),
]);
export type WishDetailT = Static<typeof WishDetail>;
export const WishList = Type.Object({ items: Type.Array(Wish), total: Type.Integer() });
export const WishListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(KeyOf(WISH_KINDS)),
  status: Type.Optional(KeyOf(WISH_STATUSES)),
  mine: Type.Optional(Type.Boolean({ description: 'only the wishes I claimed' })),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type WishListQueryT = Static<typeof WishListQuery>;
export const WishCreate = Type.Object(
  {
    orgId: Type.Integer(),
    kind: KeyOf(WISH_KINDS),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.String({ minLength: 1, maxLength: 1000 }),
    residentName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
    householdId: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);
export type WishCreateT = Static<typeof WishCreate>;
export const WishFulfil = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

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
export const PublicWishList = Type.Object({ items: Type.Array(PublicWish), total: Type.Integer() });
export const PublicWishQuery = Type.Object({
  county: Type.Optional(Id('tenant id; default: the only county')),
  status: Type.Optional(KeyOf(WISH_STATUSES)),
  kind: Type.Optional(KeyOf(WISH_KINDS)),
  ...Paging,
});
export const PublicPlace = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  townshipName: Type.String(),
  countyId: Type.Integer(),
});
export const PublicPlaces = Type.Array(PublicPlace);
export type PublicPlaceT = Static<typeof PublicPlace>;

export const ResidentCodeBody = Type.Object(
  { phone: Type.String({ minLength: 11, maxLength: 20, ...VERBATIM }) },
  { additionalProperties: false },
);
export const ResidentCodeSent = Type.Object({
  ok: Type.Boolean(),
  expiresInSeconds: Type.Integer(),
  resendInSeconds: Type.Integer(),
});
export const ResidentVerifyBody = Type.Object(
  {
    phone: Type.String({ minLength: 11, maxLength: 20, ...VERBATIM }),
    code: Type.String({ minLength: 1, maxLength: 10, ...VERBATIM }),
  },
  { additionalProperties: false },
);
export const ResidentMe = Type.Object({ phone: Type.String({ description: 'masked' }), expiresAt: Type.String() });

export const ResidentWish = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
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
export const ResidentWishList = Type.Object({ items: Type.Array(ResidentWish), total: Type.Integer() });
export const ResidentWishCreate = Type.Object(
  {
    orgId: Type.Integer(),
    kind: KeyOf(WISH_KINDS),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.String({ minLength: 1, maxLength: 1000 }),
    name: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);
export type ResidentWishCreateT = Static<typeof ResidentWishCreate>;
export const ResidentRequest = Type.Object({
  id: Type.Integer(),
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
export const ResidentRequestList = Type.Object({ items: Type.Array(ResidentRequest), total: Type.Integer() });
export const ResidentRateBody = Type.Object({ rating: KeyOf(SATISFACTION) }, { additionalProperties: false });

// ---- errands ----
export const Errand = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
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
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: Nullable(Type.String()),
});
export type ErrandT = Static<typeof Errand>;
export const ErrandDetail = Type.Composite([Errand, Type.Object({ events: Type.Array(Event) })]);
export type ErrandDetailT = Static<typeof ErrandDetail>;
export const ErrandList = Type.Object({ items: Type.Array(Errand), total: Type.Integer() });
export const ErrandListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(ERRAND_STATUSES)),
  mine: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ErrandListQueryT = Static<typeof ErrandListQuery>;
export const ErrandCreate = Type.Object(
  {
    orgId: Type.Integer(),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    residentName: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
    householdId: Type.Optional(Nullable(Type.Integer())),
    cardNo: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    memberId: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);
export type ErrandCreateT = Static<typeof ErrandCreate>;
export const ErrandNoteBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const ErrandResultBody = Type.Object(
  { result: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

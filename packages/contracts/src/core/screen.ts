/**
 * The wall screen (大屏, GET /api/screen): the figures of every module for a county or a township on one page,
 * as counts and organization names only (no person is named, no number of a person is sent).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id } from './schemas.js';

export const ScreenQuery = Type.Object({
  org: Type.Optional(Id("the county or a township inside the caller's scope; default the caller's own")),
});
export type ScreenQueryT = Static<typeof ScreenQuery>;

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
/** How a value reads: a whole count or a share between 0 and 1. */
const Unit = Type.Union([Type.Literal('count'), Type.Literal('rate')]);

/** One labelled value of a panel or a series. */
export const ScreenValue = Type.Object({
  key: Type.String(),
  label: Text,
  value: Type.Number(),
  unit: Unit,
});
export type ScreenValueT = Static<typeof ScreenValue>;

/** A module's panel: its headline values and, if any, its series drawn as bars or a ring. */
export const ScreenPanel = Type.Object({
  key: Type.String({ description: '<module>.<panel>' }),
  title: Text,
  /** What the figures cover, e.g. 2026年第四季度. */
  period: Type.Optional(Text),
  values: Type.Array(ScreenValue),
  series: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Text,
      chart: Type.Union([Type.Literal('bar'), Type.Literal('ring')]),
      items: Type.Array(ScreenValue),
    }),
  ),
});
export type ScreenPanelT = Static<typeof ScreenPanel>;

/** The answer of the wall screen. */
export const Screen = Type.Object({
  org: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    level: Type.Union([Type.Literal('county'), Type.Literal('township')]),
  }),
  /** The organizations the caller may put on the screen: the county and its townships, or the own township. */
  choices: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  /** When the figures were read (ISO time); the data behind them has not changed since. */
  asOf: Type.String(),
  /** The tile map: one tile per child organization, with every metric the tiles can be coloured by. */
  map: Type.Object({
    metrics: Type.Array(Type.Object({ key: Type.String(), label: Text, unit: Unit })),
    tiles: Type.Array(
      Type.Object({ orgId: Type.Integer(), name: Type.String(), values: Type.Record(Type.String(), Type.Number()) }),
    ),
  }),
  panels: Type.Array(ScreenPanel),
});
export type ScreenT = Static<typeof Screen>;

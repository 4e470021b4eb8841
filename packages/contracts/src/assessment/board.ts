/**
 * The public board's contracts (area assessment): what anyone may read without signing in (公开晾晒) — the star
 * ratings of organizations (published or final), the points ranking of each branch (names masked: the surname and
 * a `*` for each character of the given name), pledges and their state, and residents' micro-wishes. Never an ID
 * number, a phone, an address or a full name.
 */
import { type Static, Type } from '@sinclair/typebox';
import { labelled } from '../core/fieldLabels.js';
import { Id, KeyOf, Nullable } from '../core/schemas.js';
import { WISH_KINDS, WISH_STATUSES } from '../residents/residents.js';

export const BOARD_MODULE = 'board' as const;

/** Two-character surnames (复姓): the masking keeps both characters. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 百里 呼延 ' +
    '澹台 公冶 太史 申屠 钟离 闻人 赫连 万俟 司空 濮阳 淳于 单于 第五 左丘 东郭 梁丘 拓跋 乐正 仲孙 鲜于 闾丘'
  ).split(' '),
);

/**
 * A name as the public may read it: the surname and one `*` per character of the given name (张三 → 张*,
 * 欧阳娜娜 → 欧阳**); a name of one character, or a two-character compound surname alone, keeps its first.
 */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from(String(name ?? '').trim());
  if (!chars.length) return '';
  const two = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!);
  const keep = two ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}

/** The board's query: a county (tenant) or an organization's subtree, and the year. */
export const PublicBoardQuery = Type.Object({
  org: Type.Optional(Id('an organization: the board of its subtree (its county)')),
  county: Type.Optional(Id('a county (tenant) id; default: the only county')),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
});
export type PublicBoardQueryT = Static<typeof PublicBoardQuery>;

const Stars = Type.Integer({ minimum: 0, maximum: 10 });

/** The public board of a subtree and year. */
export const PublicBoard = Type.Object({
  org: Type.Object({ id: Type.Integer(), name: Type.String() }),
  year: Type.Integer(),
  stars: Type.Object({
    /** The year of the ratings shown: the board's year, else the year before when none is published yet. */
    year: Type.Integer(),
    /** The organizations rated (published or final); `items` lists the best of them, the rest are counted here. */
    rated: Type.Integer(),
    items: Type.Array(
      Type.Object({
        orgId: Type.Integer(),
        orgName: Type.String(),
        stars: Stars,
        status: Type.String(),
        statusLabel: Type.Object({ zh: Type.String(), en: Type.String() }),
      }),
    ),
    byLevel: Type.Array(Type.Object({ stars: Stars, count: Type.Integer() })),
    /** The share of rated organizations at three stars or more (0–1), null when none is rated. */
    atLeast3: Nullable(Type.Number()),
  }),
  rankings: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      entries: Type.Array(
        Type.Object({
          rank: Type.Integer(),
          name: Type.String({ description: 'masked: the surname and * for each character of the given name' }),
          points: Type.Number(),
        }),
      ),
    }),
  ),
  pledges: Type.Object({
    total: Type.Integer(),
    fulfilled: Type.Integer(),
    items: Type.Array(
      Type.Object({
        orgName: Type.String(),
        memberName: Nullable(Type.String({ description: 'masked; null for an organization’s pledge' })),
        title: Type.String(),
        status: Type.String(),
        statusLabel: Type.Object({ zh: Type.String(), en: Type.String() }),
        fulfilledOn: Nullable(Type.String()),
      }),
    ),
  }),
  wishes: Type.Object({
    counts: Type.Array(Type.Object({ status: KeyOf(WISH_STATUSES), count: Type.Integer() })),
    items: Type.Array(
      Type.Object({
        kind: KeyOf(WISH_KINDS),
        title: Type.String(),
        orgName: Type.String(),
        status: KeyOf(WISH_STATUSES),
      }),
    ),
  }),
});
export type PublicBoardT = Static<typeof PublicBoard>;

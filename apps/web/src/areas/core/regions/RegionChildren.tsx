/** The table of a unit's children (prefectures, counties or townships): main figures, sortable, names drill down. */
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { REGION_UNIT_KINDS, type RegionFiguresT, type RegionUnitT } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { pct, unitHref } from './regionLinks';

type Num = (f: RegionFiguresT) => number;
type Rate = (f: RegionFiguresT) => number | null;

/** The columns after the name: zh, en, key, the figure (a count, or a rate shown as a percentage). */
const COLUMNS: readonly [string, string, string, Num | Rate, 'count' | 'rate'][] = [
  ['党员', 'Members', 'members', (f) => f.members.total, 'count'],
  ['预备党员', 'Probationary', 'probationary', (f) => f.members.probationary, 'count'],
  ['本年发展', 'Joined', 'joined', (f) => f.members.joinedThisYear, 'count'],
  ['党组织', 'Organizations', 'orgs', (f) => f.orgs.total, 'count'],
  ['党支部', 'Branches', 'branches', (f) => f.orgs.branches, 'count'],
  ['召开会议', 'Meetings', 'held', (f) => f.meetings.held, 'count'],
  ['按期开展率', 'Compliance', 'compliance', (f) => f.meetings.complianceRate, 'rate'],
  ['联系户数', 'Households', 'households', (f) => f.residents.households, 'count'],
  ['民情诉求', 'Requests', 'requests', (f) => f.residents.requests, 'count'],
  ['办结率', 'Resolved', 'resolved', (f) => f.residents.resolvedRate, 'rate'],
  ['已实现心愿', 'Wishes fulfilled', 'wishes', (f) => f.residents.wishesFulfilled, 'count'],
];

/** A column wide enough that its heading breaks between words, never inside one (English headings are long). */
const widthOf = (title: string, least: number) => Math.max(least, ...title.split(' ').map((w) => w.length * 8 + 48));

// A rate nothing was due for sorts below every real rate, in either order the user picks.
const sortValue = (v: number | null) => v ?? -1;

/** The children with a link each to its own page in the same year; an empty line below a township. */
export function RegionChildren(props: { rows: RegionUnitT[]; unitKind: string; year: number; thisYear: number }) {
  const t = useT();
  const lbl = useLabel();
  const { rows, year, thisYear } = props;
  const kind = rows[0]?.kind;
  const columns: TableColumnsType<RegionUnitT> = [
    {
      title: kind ? lbl(REGION_UNIT_KINDS, kind) : t('下级', 'Below'),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, r) => (
        <Link to={unitHref(r, year, thisYear)} data-testid={`rg-child-${r.kind}-${r.id}`}>
          {name}
        </Link>
      ),
    },
    ...COLUMNS.map(([zh, en, key, get, as]) => ({
      title: t(zh, en),
      key,
      align: 'right' as const,
      width: widthOf(t(zh, en), as === 'rate' ? 104 : 92),
      sorter: (a: RegionUnitT, b: RegionUnitT) => sortValue(get(a.figures)) - sortValue(get(b.figures)),
      render: (_: unknown, r: RegionUnitT) => {
        const v = get(r.figures);
        return as === 'rate' ? pct(v) : (v ?? 0).toLocaleString('en-US');
      },
    })),
  ];
  const below = props.unitKind === 'township';
  return (
    <Table<RegionUnitT>
      rowKey={(r) => `${r.kind}:${r.id}`}
      size="middle"
      dataSource={rows}
      columns={columns}
      // About a hundred rows at most (a province's counties, a county's townships): one page keeps sorting whole.
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: columns.reduce((a, c) => a + Number(c.width ?? 0), 0), y: rows.length > 20 ? 640 : undefined }}
      data-testid="rg-children"
      locale={{
        emptyText: below
          ? t('乡镇（街道）以下不再分级汇总', 'A township is the lowest level summed here')
          : t('没有下级单位', 'No units below'),
      }}
    />
  );
}

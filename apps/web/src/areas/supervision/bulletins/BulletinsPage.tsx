/** Bulletins (`/bulletins`) on ListPage: kind, status, year, search by title; drafts in the recycle bin. */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { BULLETIN_KINDS, BULLETIN_STATUSES, type BulletinItemT } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';

const STATUS_COLORS: Record<string, string | undefined> = { draft: undefined, issued: 'green', withdrawn: 'red' };

/** The bulletins page. */
export default function BulletinsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, k) => ({ value: String(thisYear - k), label: `${thisYear - k}` }));
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('标题', 'Title'), { maxLength: 40 }),
    selectFilter('kind', t('类型', 'Kind'), opts(BULLETIN_KINDS), 130),
    selectFilter('status', t('状态', 'Status'), opts(BULLETIN_STATUSES), 120),
    selectFilter('year', t('年度', 'Year'), years, 110),
  ];
  return (
    <ListPage<BulletinItemT>
      title={t('通报简报', 'Bulletins')}
      endpoint="/api/bulletins"
      orgScoped
      filters={filters}
      columns={[
        { title: t('标题', 'Title'), dataIndex: 'title', width: 360 },
        { title: t('期号', 'Number'), dataIndex: 'numberLabel', width: 120, render: (v: string | null) => v ?? '—' },
        {
          title: t('类型', 'Kind'),
          dataIndex: 'kind',
          width: 100,
          render: (_: unknown, r) => lbl(BULLETIN_KINDS, r.kind),
        },
        { title: t('统计期间', 'Period'), dataIndex: 'periodLabel', width: 200 },
        { title: t('印发单位', 'Issued by'), dataIndex: 'issuerName', width: 160 },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 100,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLORS[r.status]}>{lbl(BULLETIN_STATUSES, r.status)}</Tag>
            </Space>
          ),
        },
        {
          title: t('印发时间', 'Issued'),
          dataIndex: 'issuedAt',
          width: 110,
          render: (v: string | null) => (v ? v.slice(0, 10) : '—'),
        },
      ]}
      scrollX={1200}
      onRowClick={(r) => navigate(`/bulletins/${r.id}`)}
      recycle={recycleBin('bulletins.write', (r: BulletinItemT) => r.title)}
      actions={
        <NewButton
          show={hasCap(me, 'bulletins.write')}
          onClick={() => navigate('/bulletins/new')}
          testId="new-bulletin"
        >
          {t('生成通报', 'Generate a bulletin')}
        </NewButton>
      }
      total={{ testId: 'bulletin-total', text: (n) => t(`共 ${n} 期通报简报`, `${n} bulletins`) }}
      emptyText={t('还没有通报简报；点击“生成通报”从业务数据生成', 'No bulletin yet: generate one from the records')}
    />
  );
}

/** 承诺践诺 (`/pledges`) on ListPage: members' and organizations' pledges with their state and evaluations. */
import { Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PLEDGE_CATEGORIES, PLEDGE_KINDS, PLEDGE_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type PledgeItem, STATUS_COLOR, satisfiedShare } from './pledgeModel';

const YEARS = Array.from({ length: 4 }, (_, i) => String(new Date().getFullYear() - i));

/** The list of pledges. */
export default function PledgesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('承诺事项、党组织或党员', 'Title, organization or member'), { maxLength: 40 }),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
    selectFilter('kind', t('类型', 'Kind'), opts(PLEDGE_KINDS), 190, 'pledge-kind-filter'),
    selectFilter('status', t('状态', 'Status'), opts(PLEDGE_STATUSES), 170, 'pledge-status-filter'),
    selectFilter('category', t('类别', 'Category'), opts(PLEDGE_CATEGORIES), 140),
  ];
  return (
    <ListPage<PledgeItem>
      title={t('承诺践诺', 'Pledges')}
      endpoint="/api/pledges"
      orgScoped
      filters={filters}
      columns={[
        { title: t('承诺事项', 'Pledge'), dataIndex: 'title', width: 260 },
        {
          title: t('承诺人', 'By'),
          dataIndex: 'memberName',
          width: 170,
          render: (_: unknown, r) => (r.kind === 'org' ? <Tag color="gold">{r.orgName}</Tag> : r.memberName),
        },
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
        { title: t('类别', 'Category'), dataIndex: 'category', width: 110, render: (v) => lbl(PLEDGE_CATEGORIES, v) },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 150,
          render: (v: string) => <Tag color={STATUS_COLOR[v]}>{lbl(PLEDGE_STATUSES, v)}</Tag>,
        },
        { title: t('完成时限', 'Due on'), dataIndex: 'dueOn', width: 110 },
        {
          title: t('满意率', 'Satisfied'),
          dataIndex: 'ratings',
          width: 110,
          render: (_: unknown, r) => {
            const s = satisfiedShare(r.ratings);
            return s == null ? '—' : `${s}%`;
          },
        },
        {
          title: t('解决问题', 'Problems solved'),
          dataIndex: 'problemsSolved',
          width: 100,
          render: (v: number) => v || '—',
        },
      ]}
      scrollX={1200}
      onRowClick={(r) => navigate(`/pledges/${r.id}`)}
      recycle={recycleBin('pledges.make', (r: PledgeItem) => t(`承诺“${r.title}”`, `pledge “${r.title}”`))}
      exportPath="/api/pledges/export"
      actions={
        <NewButton show={hasCap(me, 'pledges.make')} onClick={() => navigate('/pledges/new')} testId="new-pledge">
          {t('新建承诺', 'New pledge')}
        </NewButton>
      }
      total={{ testId: 'pledge-total', text: (n) => t(`共 ${n} 项承诺`, `${n} pledges`) }}
      emptyText={t('没有符合条件的承诺', 'No pledge matches')}
    />
  );
}

/** Weak and lax organizations (`/weak-orgs`) on ListPage: status tags, the leader, months in rectification. */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { WEAK_ORG_REASONS, WEAK_ORG_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { STATUS_COLOR, type WeakOrgItem } from './weakOrgModel';

const YEARS = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));

/** The list of files. */
export default function WeakOrgsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('党组织或包抓领导', 'Organization or leader'), { maxLength: 40 }),
    selectFilter('status', t('状态', 'Status'), opts(WEAK_ORG_STATUSES), 150, 'weak-status-filter'),
    selectFilter('reason', t('原因', 'Reason'), opts(WEAK_ORG_REASONS), 190),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
    {
      kind: 'custom',
      key: 'township',
      label: t('所属乡镇', 'Township'),
      render: (v, set) => (
        <OrgTreeSelect
          value={v ? Number(v) : null}
          onChange={(id) => set(id ? String(id) : null)}
          placeholder={t('所属乡镇', 'Township')}
          ariaLabel={t('所属乡镇', 'Township')}
          allowClear
          style={{ width: 200 }}
        />
      ),
    },
  ];
  return (
    <ListPage<WeakOrgItem>
      title={t('软弱涣散整顿', 'Weak organizations')}
      endpoint="/api/weak-orgs"
      orgScoped
      filters={filters}
      columns={[
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 180 },
        { title: t('所属乡镇', 'Township'), dataIndex: 'townshipName', width: 140, render: (v) => v ?? '—' },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 150,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLOR[r.status]}>{lbl(WEAK_ORG_STATUSES, r.status)}</Tag>
              {r.listed ? <Tag color="red">{t('挂牌督战', 'Listed')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('原因', 'Reasons'),
          dataIndex: 'reasons',
          width: 260,
          render: (_: unknown, r) => r.reasons.map((k) => lbl(WEAK_ORG_REASONS, k)).join('；'),
        },
        {
          title: t('包抓领导', 'Leader'),
          dataIndex: 'leaderName',
          width: 220,
          render: (_: unknown, r) => `${r.leaderName}（${r.leaderPost}）`,
        },
        { title: t('确定日期', 'Flagged on'), dataIndex: 'flaggedOn', width: 110 },
        {
          title: t('整顿月数', 'Months'),
          dataIndex: 'monthsInRectification',
          width: 90,
          render: (v: number) => t(`${v} 个月`, `${v} mo.`),
        },
        { title: t('最近体检', 'Last check-up'), dataIndex: 'lastCheckupMonth', width: 100, render: (v) => v ?? '—' },
      ]}
      scrollX={1300}
      onRowClick={(r) => navigate(`/weak-orgs/${r.id}`)}
      recycle={recycleBin('weakOrgs.flag', (r: WeakOrgItem) => t(`${r.orgName}的整顿档案`, `file of ${r.orgName}`))}
      exportPath="/api/weak-orgs/export"
      actions={
        <NewButton show={hasCap(me, 'weakOrgs.flag')} onClick={() => navigate('/weak-orgs/new')} testId="new-weak-org">
          {t('确定软弱涣散党组织', 'Flag an organization')}
        </NewButton>
      }
      total={{ testId: 'weak-org-total', text: (n) => t(`共 ${n} 个整顿档案`, `${n} files`) }}
      emptyText={t('没有符合条件的软弱涣散党组织', 'No file matches')}
    />
  );
}

/** Retraining of cadres (`/retraining`) on ListPage: the cadre, post, state, reasons, hours and the due day. */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { CADRE_POSTS, RETRAINING_STATUSES, SUSPENSION_REASONS } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type RetrainingItem, STATUS_COLOR } from './retrainingModel';

const YEARS = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));

/** The list of files. */
export default function RetrainingPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('姓名或党组织', 'Name or organization'), { maxLength: 40 }),
    selectFilter('status', t('状态', 'Status'), opts(RETRAINING_STATUSES), 160, 'retraining-status-filter'),
    selectFilter('reason', t('停职原因', 'Reason'), opts(SUSPENSION_REASONS), 170),
    selectFilter('post', t('职务', 'Post'), opts(CADRE_POSTS), 180),
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
    <ListPage<RetrainingItem>
      title={t('淬火整训', 'Retraining of cadres')}
      endpoint="/api/retraining"
      orgScoped
      filters={filters}
      columns={[
        { title: t('姓名', 'Cadre'), dataIndex: 'cadreName', width: 100 },
        {
          title: t('职务', 'Post'),
          dataIndex: 'post',
          width: 170,
          render: (_: unknown, r) => r.postText || lbl(CADRE_POSTS, r.post),
        },
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 180 },
        { title: t('所属乡镇', 'Township'), dataIndex: 'townshipName', width: 130, render: (v) => v ?? '—' },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 170,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLOR[r.status]}>{lbl(RETRAINING_STATUSES, r.status)}</Tag>
              {r.overdue ? <Tag color="red">{t('已超期', 'Overdue')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('停职原因', 'Reasons'),
          dataIndex: 'reasons',
          width: 200,
          render: (_: unknown, r) => r.reasons.map((k) => lbl(SUSPENSION_REASONS, k)).join('；'),
        },
        { title: t('停职日期', 'Suspended on'), dataIndex: 'suspendedOn', width: 110 },
        {
          title: t('整训课时', 'Hours'),
          dataIndex: 'hoursAttended',
          width: 90,
          render: (v: number) => t(`${v} 小时`, `${v} h`),
        },
        {
          title: t('测试成绩', 'Score'),
          dataIndex: 'testScore',
          width: 90,
          render: (v: number | null, r) =>
            v == null ? '—' : <Tag color={r.testPassed ? 'green' : 'red'}>{t(`${v} 分`, `${v}`)}</Tag>,
        },
      ]}
      scrollX={1300}
      onRowClick={(r) => navigate(`/retraining/${r.id}`)}
      recycle={recycleBin('retraining.write', (r: RetrainingItem) =>
        t(`${r.cadreName}的整训档案`, `file of ${r.cadreName}`),
      )}
      exportPath="/api/retraining/export"
      actions={
        <NewButton
          show={hasCap(me, 'retraining.write')}
          onClick={() => navigate('/retraining/new')}
          testId="new-retraining"
        >
          {t('停职整训村干部', 'Suspend a cadre')}
        </NewButton>
      }
      total={{ testId: 'retraining-total', text: (n) => t(`共 ${n} 名干部`, `${n} cadres`) }}
      emptyText={t('没有符合条件的淬火整训档案', 'No file matches')}
    />
  );
}

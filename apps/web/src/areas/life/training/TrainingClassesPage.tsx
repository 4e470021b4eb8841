/** Training classes (`/training/classes`) on ListPage: title, organizer, kind, state, dates, attendees. */
import { Tag } from 'antd';
import { useNavigate } from 'react-router';
import { TRAINING_KINDS, TRAINING_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { STATUS_COLOR, type TrainingClassItem, wan } from './trainingModel';

const YEARS = Array.from({ length: 5 }, (_, i) => String(new Date().getFullYear() - i));

/** The list of classes. */
export default function TrainingClassesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('培训班名称或举办单位', 'Title or organizer'), { maxLength: 40 }),
    selectFilter('status', t('状态', 'Status'), opts(TRAINING_STATUSES), 140, 'training-status-filter'),
    selectFilter('kind', t('培训类别', 'Kind'), opts(TRAINING_KINDS), 200),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
  ];
  return (
    <ListPage<TrainingClassItem>
      title={t('培训班', 'Training classes')}
      endpoint="/api/training/classes"
      orgScoped
      filters={filters}
      columns={[
        { title: t('培训班名称', 'Title'), dataIndex: 'title', width: 260 },
        { title: t('举办单位', 'Organizer'), dataIndex: 'orgName', width: 140 },
        {
          title: t('培训类别', 'Kind'),
          dataIndex: 'kind',
          width: 170,
          render: (_: unknown, r) => lbl(TRAINING_KINDS, r.kind),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 110,
          render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{lbl(TRAINING_STATUSES, r.status)}</Tag>,
        },
        {
          title: t('培训日期', 'Dates'),
          dataIndex: 'startOn',
          width: 190,
          render: (_: unknown, r) => `${r.startOn} ~ ${r.endOn}`,
        },
        {
          title: t('课程', 'Sessions'),
          dataIndex: 'sessions',
          width: 110,
          render: (_: unknown, r) =>
            t(`${r.sessions} 节 ${r.plannedHours} 学时`, `${r.sessions} / ${r.plannedHours} h`),
        },
        { title: t('学员', 'Attendees'), dataIndex: 'attendees', width: 70 },
        { title: t('参训人次', 'Person-times'), dataIndex: 'personTimes', width: 90 },
        {
          title: t('经费（万元）', 'Funds (10k yuan)'),
          dataIndex: 'budgetFen',
          width: 130,
          render: (_: unknown, r) => `${wan(r.spentFen)} / ${wan(r.budgetFen)}`,
        },
      ]}
      scrollX={1300}
      onRowClick={(r) => navigate(`/training/classes/${r.id}`)}
      recycle={recycleBin('training.write', (r: TrainingClassItem) => r.title)}
      exportPath="/api/training/classes/export"
      actions={
        <NewButton
          show={hasCap(me, 'training.write')}
          onClick={() => navigate('/training/classes/new')}
          testId="new-training-class"
        >
          {t('新建培训班', 'New class')}
        </NewButton>
      }
      total={{ testId: 'training-total', text: (n) => t(`共 ${n} 个培训班`, `${n} classes`) }}
      emptyText={t('没有符合条件的培训班', 'No class matches')}
    />
  );
}

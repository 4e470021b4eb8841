/** The candidates (`/development`) on ListPage: stage, organization, next step and its due day, overdue in red. */
import { useNavigate } from 'react-router';
import { DEVELOPMENT_STAGES } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type Candidate, NextStepCell, StageTag } from './candidateModel';

/** The candidates' columns, shared with the overdue list. */
export function useCandidateColumns() {
  const t = useT();
  return [
    { title: t('姓名', 'Name'), dataIndex: 'name', width: 100 },
    { title: t('所在组织', 'Organization'), dataIndex: 'orgName', width: 180 },
    {
      title: t('阶段', 'Stage'),
      dataIndex: 'stage',
      width: 120,
      render: (s: string) => <StageTag stage={s} />,
    },
    { title: t('申请日期', 'Applied on'), dataIndex: 'appliedOn', width: 110 },
    {
      title: t('下一步骤与期限', 'Next step and deadline'),
      key: 'next',
      render: (_: unknown, r: Candidate) => <NextStepCell next={r.next} />,
    },
    { title: t('计划年度', 'Plan year'), dataIndex: 'planYear', width: 90 },
  ];
}

/** The candidates page. */
export default function CandidatesPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('姓名或拼音', 'Name or pinyin'), { maxLength: 40, testId: 'candidate-search' }),
    selectFilter('stage', t('阶段', 'Stage'), opts(DEVELOPMENT_STAGES), 140),
    { kind: 'number', key: 'planYear', label: t('计划年度', 'Plan year'), min: 2000, max: 2100 },
    { kind: 'check', key: 'overdue', label: t('只看逾期', 'Overdue only'), testId: 'candidate-overdue' },
  ];
  return (
    <ListPage<Candidate>
      title={t('发展党员', 'Member development')}
      endpoint="/api/development"
      orgScoped
      filters={filters}
      columns={useCandidateColumns()}
      scrollX={1000}
      rowClassName={(r) => (r.next?.state === 'overdue' ? 'sv-row-overdue' : '')}
      onRowClick={(r) => navigate(`/development/${r.id}`)}
      recycle={{
        capability: 'development.write',
        name: (r: Candidate) => r.name,
        title: t('发展党员回收站', 'Candidates recycle bin'),
        back: t('返回发展党员', 'Back to the candidates'),
        invalidate: ['development-plan', 'development-overdue'],
      }}
      exportPath="/api/development/export"
      exportLabel={t('导出', 'Export')}
      actions={({ url }) => (
        <NewButton
          show={hasCap(me, 'development.write')}
          onClick={() => navigate(withQuery('/development/new', { org: url.query.org }))}
          testId="new-candidate"
        >
          {t('登记入党申请', 'New application')}
        </NewButton>
      )}
      total={{ testId: 'candidate-total', text: (n) => t(`共 ${n} 人`, `${n} candidates`) }}
      emptyText={t('没有符合条件的发展党员记录', 'No candidate matches')}
    />
  );
}

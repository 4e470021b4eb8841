/** The overdue list (`/development/overdue`): candidates whose next step is past its deadline. */
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { ListPage } from '../../../components/list/ListPage';
import { searchFilter } from '../../../components/list/listParts';
import type { Candidate } from './candidateModel';
import { useCandidateColumns } from './CandidatesPage';

/** The overdue page. */
export default function OverduePage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <ListPage<Candidate>
      title={t('发展时限提醒：已逾期', 'Development deadlines: overdue')}
      endpoint="/api/development/overdue"
      queryKey="development-overdue"
      orgScoped
      filters={[searchFilter(t('搜索', 'Search'), t('姓名或拼音', 'Name or pinyin'), { maxLength: 40 })]}
      columns={useCandidateColumns()}
      scrollX={1000}
      rowClassName={() => 'sv-row-overdue'}
      onRowClick={(r) => navigate(`/development/${r.id}`)}
      total={{ testId: 'overdue-total', text: (n) => t(`共 ${n} 人逾期`, `${n} overdue`) }}
      emptyText={t('没有逾期的发展步骤', 'No step is overdue')}
    />
  );
}

/** The three evaluations (三评, `/evaluations`) on ListPage: monthly review, half-year and year-end evaluations. */
import { EVALUATION_GRADES, EVALUATION_KINDS } from '@dangjian/contracts';
import { useEnumOptions, useLabel, usePeriod, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { NewButton, selectFilter } from '../../../components/list/listParts';
import { residentsBin, useAddForOrg } from '../common/listParts';
import { chinaDateTime, chinaToday, type EvaluationItem } from '../requests/requestModel';
import { EvaluationModal, recentPeriods } from './EvaluationModal';

/** The evaluations page. */
export default function EvaluationsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const period = usePeriod();
  const { data: me } = useMe();
  const adding = useAddForOrg();
  const canWrite = hasCap(me, 'residents.evaluate') || hasCap(me, 'residents.write');

  const columns: ListColumn<EvaluationItem>[] = [
    { title: t('组织', 'Organization'), dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: t('类型', 'Kind'), dataIndex: 'kind', width: 170, render: (v: string) => lbl(EVALUATION_KINDS, v) },
    { title: t('周期', 'Period'), dataIndex: 'period', width: 130, render: (v: string) => period(v) },
    {
      title: t('结果', 'Result'),
      key: 'result',
      width: 240,
      render: (_, e) =>
        e.kind === 'half_year_residents' ? (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('满意', 'Satisfied')} {e.satisfied ?? 0} · {t('基本满意', 'Basically')} {e.fairlySatisfied ?? 0} ·{' '}
            <span className={e.dissatisfied ? 'sv-bad' : undefined}>
              {t('不满意', 'Unsatisfied')} {e.dissatisfied ?? 0}
            </span>
          </span>
        ) : e.grade ? (
          lbl(EVALUATION_GRADES, e.grade)
        ) : (
          '—'
        ),
    },
    { title: t('意见', 'Comments'), dataIndex: 'comments', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('评价人', 'Evaluator'), dataIndex: 'evaluatorName', width: 110 },
    { title: t('录入时间', 'Entered'), dataIndex: 'createdAt', width: 140, render: (v: string) => chinaDateTime(v) },
  ];

  return (
    <ListPage<EvaluationItem>
      title={t('三评', 'The three evaluations')}
      endpoint="/api/evaluations"
      orgScoped
      filters={[
        selectFilter('kind', t('评价类型', 'Kind'), opts(EVALUATION_KINDS), 200),
        selectFilter(
          'period',
          t('周期', 'Period'),
          recentPeriods(chinaToday()).map((p) => ({ value: p, label: period(p) })),
          170,
        ),
      ]}
      columns={columns}
      scrollX={1000}
      recycle={residentsBin(
        (e) => `${e.orgName} ${period(e.period)}`,
        t('三评回收站', 'Evaluations recycle bin'),
        t('返回', 'Back'),
      )}
      actions={({ url }) => (
        <NewButton show={canWrite} onClick={() => adding.start(url)} testId="new-evaluation">
          {t('录入评价', 'Record an evaluation')}
        </NewButton>
      )}
      total={{ text: (n) => t(`共 ${n} 条`, `${n} records`) }}
      emptyText={t('暂无评价记录', 'No evaluation yet')}
    >
      {adding.open ? (
        <EvaluationModal
          {...adding.org}
          onClose={adding.stop}
          onSaved={() => adding.saved(t('评价已保存', 'Evaluation saved'), 'evaluations')}
        />
      ) : null}
    </ListPage>
  );
}

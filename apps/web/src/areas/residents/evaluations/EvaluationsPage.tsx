/** The three evaluations (三评, `/evaluations`) on ListPage: monthly review, half-year and year-end evaluations. */
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { EVALUATION_GRADES, EVALUATION_KINDS } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { chinaDateTime, type EvaluationItem } from '../requests/requestModel';
import { EvaluationModal } from './EvaluationModal';

/** The evaluations page. */
export default function EvaluationsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [adding, setAdding] = useState<number | null>(null);
  const canWrite = hasCap(me, 'residents.evaluate') || hasCap(me, 'residents.write');

  const columns: ListColumn<EvaluationItem>[] = [
    { title: t('组织', 'Organization'), dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: t('类型', 'Kind'), dataIndex: 'kind', width: 170, render: (v: string) => lbl(EVALUATION_KINDS, v) },
    { title: t('周期', 'Period'), dataIndex: 'period', width: 100 },
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
      queryKey="evaluations"
      orgScoped
      filters={[
        { kind: 'select', key: 'kind', label: t('评价类型', 'Kind'), width: 200, options: opts(EVALUATION_KINDS) },
        {
          kind: 'search',
          key: 'period',
          label: t('周期', 'Period'),
          placeholder: t('周期，如 2026-H1', 'Period, e.g. 2026-H1'),
          width: 200,
        },
      ]}
      columns={columns}
      scrollX={1000}
      recycle={{
        capability: 'residents.write',
        name: (e) => `${e.orgName} ${e.period}`,
        title: t('三评回收站', 'Evaluations recycle bin'),
        back: t('返回', 'Back'),
      }}
      actions={({ url }) =>
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(Number(url.query.org) || me?.orgId || 0)}
            data-testid="new-evaluation"
          >
            {t('录入评价', 'Record an evaluation')}
          </Button>
        ) : null
      }
      total={{ text: (n) => t(`共 ${n} 条`, `${n} records`) }}
      emptyText={t('暂无评价记录', 'No evaluation yet')}
    >
      {adding !== null ? (
        <EvaluationModal
          orgId={adding || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(null)}
          onSaved={() => {
            setAdding(null);
            message.success(t('评价已保存', 'Evaluation saved'));
            qc.invalidateQueries({ queryKey: ['evaluations'] });
          }}
        />
      ) : null}
    </ListPage>
  );
}

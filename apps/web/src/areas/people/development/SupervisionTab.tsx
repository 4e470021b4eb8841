/**
 * The quarterly supervision list of a year: who is behind, over the quota, developed outside the plan or has steps
 * recorded without their materials; those who set plans mark an organization (its award eligibility lost for the
 * year, its secretary called in) or undo a mark, each with a reason.
 */
import { useState } from 'react';
import { Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { SUPERVISION_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { Loaded, useFigureQuery } from '../../../components/Figures';
import { ActionModal } from '../../../components/form/ActionModal';
import { chinaYearNow, PLAN_KEYS, type MarkT, type SupervisionRow, type SupervisionT } from './planModel';

const KIND_COLOR: Record<string, string> = { behind: 'orange', over: 'red', outside: 'magenta', files_missing: 'gold' };

/** Which quarter to show first: the last one completed this year (the first in January), the last of a past year. */
function defaultQuarter(year: number): number {
  if (year < chinaYearNow()) return 4;
  if (year > chinaYearNow()) return 1;
  return Math.max(1, Math.floor(new Date().getMonth() / 3));
}

/** The supervision list of a quarter, with the marks. */
export function SupervisionTab({ org, year }: { org: number | undefined; year: number }) {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const [quarter, setQuarter] = useState(() => defaultQuarter(year));
  const [marking, setMarking] = useState<SupervisionRow | null>(null);
  const [undoing, setUndoing] = useState<MarkT | null>(null);
  const q = useFigureQuery<SupervisionT>('development-supervision', '/api/development/plans/supervision', {
    org,
    year,
    quarter,
  });
  const canMark = hasCap(me, 'development.plan');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented
        aria-label={t('季度', 'Quarter')}
        value={quarter}
        onChange={(v) => setQuarter(Number(v))}
        options={[1, 2, 3, 4].map((n) => ({ value: n, label: t(`第${n}季度`, `Q${n}`) }))}
        data-testid="supervision-quarter"
      />
      <Loaded q={q}>
        {(s) => (
          <Table<SupervisionRow>
            rowKey="orgId"
            size="middle"
            dataSource={s.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="supervision-table"
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('本季度没有发现问题', 'Nothing found this quarter') }}
            columns={[
              {
                title: t('党组织', 'Organization'),
                dataIndex: 'orgName',
                render: (name: string, r) => (
                  <>
                    {name}
                    {r.parentName ? <div className="dj-muted">{r.parentName}</div> : null}
                  </>
                ),
              },
              {
                title: t('问题', 'Problems'),
                dataIndex: 'kinds',
                render: (kinds: string[]) =>
                  kinds.map((k) => (
                    <Tag key={k} color={KIND_COLOR[k]}>
                      {lbl(SUPERVISION_KINDS, k)}
                    </Tag>
                  )),
              },
              {
                title: t('计划数', 'Quota'),
                dataIndex: 'quota',
                width: 80,
                render: (v: number | null) => v ?? '—',
              },
              { title: t('已发展', 'Admitted'), dataIndex: 'admitted', width: 80 },
              { title: t('应完成', 'Due'), dataIndex: 'expected', width: 80 },
              { title: t('计划外', 'Outside'), dataIndex: 'outsidePlan', width: 80 },
              { title: t('缺材料步骤', 'Steps missing files'), dataIndex: 'filesMissing', width: 110 },
              {
                title: t('督查标记', 'Mark'),
                key: 'mark',
                width: 220,
                render: (_: unknown, r) =>
                  r.mark ? (
                    <Space orientation="vertical" size={2}>
                      <Tag color="red">{t('已取消评优资格', 'Award eligibility lost')}</Tag>
                      <Typography.Text type="secondary">
                        {r.mark.secretaryName
                          ? t(`约谈书记：${r.mark.secretaryName}`, `Interview: ${r.mark.secretaryName}`)
                          : t('未设书记', 'No secretary on record')}
                      </Typography.Text>
                      {canMark ? (
                        <Button size="small" onClick={() => setUndoing(r.mark)} data-testid={`unmark-${r.orgId}`}>
                          {t('撤销标记', 'Undo the mark')}
                        </Button>
                      ) : null}
                    </Space>
                  ) : canMark && r.orgId !== me?.orgId ? (
                    <Button size="small" danger onClick={() => setMarking(r)} data-testid={`mark-${r.orgId}`}>
                      {t('标记并约谈', 'Mark and call in')}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Loaded>
      {marking ? <MarkModal row={marking} year={year} onClose={() => setMarking(null)} /> : null}
      {undoing ? <UndoModal mark={undoing} onClose={() => setUndoing(null)} /> : null}
    </Space>
  );
}

function MarkModal({ row, year, onClose }: { row: SupervisionRow; year: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const [reason, setReason] = useState(() => row.kinds.map((k) => lbl(SUPERVISION_KINDS, k)).join('；'));
  return (
    <ActionModal
      title={t(`标记 ${row.orgName}`, `Mark ${row.orgName}`)}
      okText={t('标记', 'Mark')}
      onClose={onClose}
      refresh={PLAN_KEYS}
      done={t('已标记，书记列入约谈名单', 'Marked; the secretary is on the interview list')}
      run={() => api.post('/api/development/plans/marks', { org: row.orgId, year, reason })}
    >
      <p>
        {t(
          '标记后该组织取消本年度评优资格，其书记列入约谈名单。',
          'Once marked, the organization loses its award eligibility for the year and its secretary is called in.',
        )}
      </p>
      <Input.TextArea
        aria-label={t('理由', 'Reason')}
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="mark-reason"
      />
    </ActionModal>
  );
}

/** Undoing a mark, with the reason it asks for. */
export function UndoModal({ mark, onClose }: { mark: MarkT; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <ActionModal
      title={t(`撤销对 ${mark.orgName} 的标记`, `Undo the mark of ${mark.orgName}`)}
      okText={t('撤销', 'Undo')}
      onClose={onClose}
      refresh={PLAN_KEYS}
      done={t('标记已撤销', 'Mark undone')}
      run={() => api.post(`/api/development/plans/marks/${mark.id}/undo`, { reason })}
    >
      <Input.TextArea
        aria-label={t('撤销理由', 'Reason to undo')}
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="undo-reason"
      />
    </ActionModal>
  );
}

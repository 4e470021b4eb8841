/**
 * One rules page for every rule set (`/rules/:set`; `/meeting-rules` and `/service-rules` lead here): the values in
 * force for a year with their defaults; the county changes a value from a year on, with a reason, or resets it.
 * The form is built from each rule's schema (`GET /api/rules/:set`).
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import type { RuleKeyViewT, RuleOverrideViewT, RuleSetViewT } from '@dangjian/contracts';
import { ApiError, api, request } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { formatValue, SchemaInput, validateValue, type JsonSchema, type SchemaLabels } from './schemaForm';

type T = (zh: string, en: string) => string;

/** The year now in China. */
function thisYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** A refused change in words: the server's message with the rules it names. */
function describeError(e: unknown, view: RuleSetViewT, t: T): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const d = (e.details ?? {}) as { key?: string; mustNotExceed?: string; year?: number };
  const name = (k?: string) => {
    const l = view.keys.find((x) => x.key === k)?.label;
    return l ? t(l.zh, l.en) : (k ?? '');
  };
  if (e.code === 'rules.order' && d.key && d.mustNotExceed)
    return `${e.message}：${t(
      `${d.year ?? ''}年「${name(d.key)}」不能大于「${name(d.mustNotExceed)}」`,
      `in ${d.year ?? ''}, ${name(d.key)} may not exceed ${name(d.mustNotExceed)}`,
    )}`;
  if (e.code === 'rules.bad_value' && d.key) return `${e.message}：「${name(d.key)}」`;
  return e.message;
}

/** Problems of the ordered pairs if `key` took `value` (checked here before the server does). */
function orderProblems(view: RuleSetViewT, key: string, value: unknown, t: T): string[] {
  const val = (k: string) => (k === key ? value : view.keys.find((x) => x.key === k)?.value);
  const name = (k: string) => {
    const l = view.keys.find((x) => x.key === k)!.label;
    return t(l.zh, l.en);
  };
  return view.ordered
    .filter(([a, b]) => (a === key || b === key) && Number(val(a)) > Number(val(b)))
    .map(([a, b]) => t(`「${name(a)}」不能大于「${name(b)}」（${val(b)}）`, `${name(a)} may not exceed ${name(b)}`));
}

function RuleEditor(props: { view: RuleSetViewT; row: RuleKeyViewT; onClose: () => void; onSaved: () => void }) {
  const { view, row, onClose, onSaved } = props;
  const t = useT();
  const { message } = useFeedback();
  const [value, setValue] = useState<unknown>(row.value);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const name = t(row.label.zh, row.label.en);
  const def = formatValue(row.schema as JsonSchema, row.default, view, t);
  const problems = [
    ...validateValue(row.schema as JsonSchema, value, name, view, t),
    ...orderProblems(view, row.key, value, t),
    ...(reason.trim() ? [] : [t('请填写调整理由', 'Enter the reason')]),
  ];

  async function save() {
    setTried(true);
    if (problems.length) return;
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/rules/${view.name}`, { year: view.year, values: { [row.key]: value }, reason });
      message.success(t(`「${name}」自 ${view.year} 年起已调整`, `${name} changed from ${view.year} on`));
      onSaved();
    } catch (e) {
      setError(describeError(e, view, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t(`调整「${name}」（自 ${view.year} 年起）`, `Change ${name} (from ${view.year} on)`)}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={onClose}
    >
      <div data-testid="rule-editor">
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
        <p className="dj-muted" style={{ marginTop: 0 }}>
          {t(`默认：${def}。`, `Default: ${def}. `)}
          {t(
            `调整适用于 ${view.year} 年及以后各年，直至再次调整；以前年度不受影响。`,
            `Applies to ${view.year} and later years until changed again; earlier years keep theirs.`,
          )}
        </p>
        <SchemaInput
          schema={row.schema as JsonSchema}
          value={value}
          onChange={setValue}
          labels={view}
          t={t}
          id="rule-input"
          label={name}
          fallback={row.default ?? undefined}
        />
        <label htmlFor="rule-reason" style={{ display: 'block', margin: '12px 0 4px' }}>
          {t('调整理由', 'Reason')}
        </label>
        <Input.TextArea
          id="rule-reason"
          rows={2}
          count={{ show: true, max: 500 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="rule-reason"
        />
        {tried && problems.length ? (
          <ul role="alert" style={{ color: '#cf1322', margin: '8px 0 0', paddingLeft: 20 }} data-testid="rule-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Modal>
  );
}

/** The rules page of a set (from the route, or fixed by the old paths); `crumb` false for a second set below. */
export default function RulesPage({ set: fixed, crumb = true }: { set?: string; crumb?: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const route = useParams();
  const set = fixed ?? route.set ?? '';
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const q = useQuery({
    queryKey: ['rules', set, year],
    queryFn: ({ signal }) => api.get<RuleSetViewT>(`/api/rules/${set}`, { year }, signal),
  });
  const view = q.data;
  usePageCrumb(view ? t(view.label.zh, view.label.en) : null, crumb);
  const [editing, setEditing] = useState<RuleKeyViewT | null>(null);
  // Every figure may follow the rules: refetch what is cached.
  const refresh = () => qc.invalidateQueries();
  const labels: SchemaLabels | undefined = view;
  const show = (r: RuleKeyViewT, v: unknown) => (labels ? formatValue(r.schema as JsonSchema, v, labels, t) : '');
  const keyName = (k: string) => {
    const l = view?.keys.find((x) => x.key === k)?.label;
    return l ? t(l.zh, l.en) : k;
  };

  function reset(r: RuleKeyViewT) {
    const name = t(r.label.zh, r.label.en);
    modal.confirm({
      title: t(`自 ${year} 年起将「${name}」恢复为默认值？`, `Reset ${name} to its default from ${year} on?`),
      content: show(r, r.default),
      okText: t('恢复默认', 'Reset'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await request('DELETE', `/api/rules/${set}/${r.key}`, { query: { year, reason: t('恢复默认值', 'Reset') } });
          message.success(t(`「${name}」已恢复默认值`, `${name} reset to the default`));
          await refresh();
        } catch (e) {
          message.error(view ? describeError(e, view, t) : (e as Error).message);
        }
      },
    });
  }

  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {view ? t(view.label.zh, view.label.en) : t('规则', 'Rules')}
        </Typography.Title>
        <Select
          aria-label={t('年度', 'Year')}
          value={year}
          onChange={(y) => setParams({ year: String(y) }, { replace: true })}
          style={{ width: 110, marginLeft: 'auto' }}
          options={Array.from({ length: 8 }, (_, i) => thisYear() + 1 - i).map((y) => ({
            value: y,
            label: t(`${y}年`, String(y)),
          }))}
          data-testid="rules-year"
        />
      </div>
      <p className="dj-muted" style={{ marginTop: 0 }}>
        {t(
          '默认值依据国家和省级通行要求；县委组织部可自某年起调整，调整沿用到以后各年，直至再次调整，不改变以前年度的结果。',
          'Defaults follow the national rules; the county may change a rule from a year on. ' +
            'A change holds for later years until the next one and never alters an earlier year.',
        )}
      </p>
      {view && !view.canEdit ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('规则由县委组织部设定，此处只读。', 'The county sets these rules; read only here.')}
        />
      ) : null}
      {q.error ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<RuleKeyViewT>
          rowKey="key"
          loading={q.isFetching}
          dataSource={view?.keys ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          data-testid="rules-table"
          columns={[
            { title: t('规则', 'Rule'), dataIndex: 'key', width: 220, render: (_, r) => t(r.label.zh, r.label.en) },
            {
              title: t('现行值', 'In force'),
              render: (_, r) => <b data-testid={`rule-${r.key}`}>{show(r, r.value)}</b>,
            },
            { title: t('默认值', 'Default'), render: (_, r) => show(r, r.default) },
            {
              title: t('依据', 'Source'),
              width: 150,
              render: (_, r) =>
                r.source === 'county' ? (
                  <Tag color="red">{t(`本县调整（${r.since}年起）`, `County (from ${r.since})`)}</Tag>
                ) : (
                  <Tag>{t('默认', 'Default')}</Tag>
                ),
            },
            ...(view?.canEdit
              ? [
                  {
                    title: t('操作', 'Actions'),
                    width: 190,
                    render: (_: unknown, r: RuleKeyViewT) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t(`调整「${r.label.zh}」`, `Change ${r.label.en}`)}
                          onClick={() => setEditing(r)}
                        >
                          {t('调整', 'Change')}
                        </Button>
                        {r.source === 'county' ? (
                          <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => reset(r)}>
                            {t('恢复默认', 'Reset')}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {view?.history.length ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: '20px 0 8px' }}>
            {t('调整记录', 'Changes')}
          </Typography.Title>
          <Table<RuleOverrideViewT>
            rowKey={(h) => `${h.key}/${h.year}`}
            dataSource={view.history}
            pagination={false}
            size="small"
            data-testid="rules-history"
            columns={[
              { title: t('起始年度', 'From'), dataIndex: 'year', width: 100 },
              { title: t('规则', 'Rule'), dataIndex: 'key', render: (k: string) => keyName(k) },
              {
                title: t('取值', 'Value'),
                render: (_, h) => {
                  const r = view.keys.find((k) => k.key === h.key);
                  return h.reset ? t('恢复默认值', 'Back to default') : r ? show(r, h.value) : String(h.value);
                },
              },
              { title: t('理由', 'Reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
              { title: t('时间', 'When'), dataIndex: 'updatedAt', width: 120, render: (v: string) => v.slice(0, 10) },
            ]}
          />
        </>
      ) : null}
      {editing && view ? (
        <RuleEditor
          view={view}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

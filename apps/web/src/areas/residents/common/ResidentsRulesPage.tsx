/**
 * 为民服务规则 (`/service-rules`): the rules in force with their national defaults; the county admin changes a value or
 * resets it.
 */
import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { RESIDENTS_RULE_LABELS, type ResidentsRuleKey } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { PageHead, useResidentsRules } from './ResidentsParts';
import { RESIDENTS_RULE_KEYS, type ResidentsRulesAnswer } from './model';

interface Row {
  key: ResidentsRuleKey;
  value: number;
  def: number;
  overridden: boolean;
}

/** The rules page. */
export default function ResidentsRulesPage() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const { data: me } = useMe();
  usePageCrumb(null);
  const q = useResidentsRules();
  const canEdit = hasCap(me, 'residents.rules');
  const [editing, setEditing] = useState<Row | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(key: ResidentsRuleKey, v: number | null) {
    setBusy(true);
    setError(null);
    try {
      const next = await api.patch<ResidentsRulesAnswer>('/api/service-rules', { [key]: v });
      qc.setQueryData(['service-rules'], next);
      for (const k of [
        'household-groups',
        'group-coverage',
        'pairing-gaps',
        'visit-quotas',
        'service-stats',
        'requests',
      ])
        qc.invalidateQueries({ queryKey: [k] });
      message.success(
        v == null
          ? t(
              `「${lbl(RESIDENTS_RULE_LABELS, key)}」已恢复默认值`,
              `${lbl(RESIDENTS_RULE_LABELS, key)} reset to the default`,
            )
          : t(`「${lbl(RESIDENTS_RULE_LABELS, key)}」已改为 ${v}`, `${lbl(RESIDENTS_RULE_LABELS, key)} set to ${v}`),
      );
      setEditing(null);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const rows: Row[] = q.data
    ? RESIDENTS_RULE_KEYS.map((key) => ({
        key,
        value: q.data.rules[key],
        def: q.data.defaults[key],
        overridden: q.data.overridden.includes(key),
      }))
    : [];

  return (
    <Card>
      <PageHead title={t('为民服务规则', 'Service rules')} />
      <p className="dj-muted" style={{ marginTop: 0 }}>
        {t(
          '联户组规模、结对户数、诉求办结时限、走访要求等都以规则为准；默认为国家或省级通行要求，县委组织部可按本县实际调整。',
          'Group sizes, pairing loads, request deadlines and visit quotas follow these ' +
            'rules; the defaults are the usual national values and the county may set its own.',
        )}
      </p>
      {!canEdit ? (
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
        <Table<Row>
          rowKey="key"
          loading={q.isFetching}
          dataSource={rows}
          pagination={false}
          data-testid="service-rules"
          columns={[
            {
              title: t('规则', 'Rule'),
              dataIndex: 'key',
              render: (k: ResidentsRuleKey) => lbl(RESIDENTS_RULE_LABELS, k),
            },
            {
              title: t('现行值', 'In force'),
              dataIndex: 'value',
              width: 110,
              align: 'right',
              render: (v: number, r) => <b data-testid={`rule-${r.key}`}>{v}</b>,
            },
            { title: t('默认值', 'Default'), dataIndex: 'def', width: 100, align: 'right' },
            {
              title: t('依据', 'Source'),
              width: 110,
              render: (_, r) =>
                r.overridden ? <Tag color="red">{t('本县调整', 'County')}</Tag> : <Tag>{t('默认', 'Default')}</Tag>,
            },
            ...(canEdit
              ? [
                  {
                    title: t('操作', 'Actions'),
                    width: 180,
                    render: (_: unknown, r: Row) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t(
                            `调整「${lbl(RESIDENTS_RULE_LABELS, r.key)}」`,
                            `Change ${lbl(RESIDENTS_RULE_LABELS, r.key)}`,
                          )}
                          onClick={() => {
                            setError(null);
                            setValue(r.value);
                            setEditing(r);
                          }}
                        >
                          {t('调整', 'Change')}
                        </Button>
                        {r.overridden ? (
                          <Button
                            size="small"
                            type="link"
                            icon={<UndoOutlined />}
                            onClick={() =>
                              modal.confirm({
                                title: t(
                                  `将「${lbl(RESIDENTS_RULE_LABELS, r.key)}」恢复为默认值 ${r.def}？`,
                                  `Reset ${lbl(RESIDENTS_RULE_LABELS, r.key)} to ${r.def}?`,
                                ),
                                okText: t('恢复默认', 'Reset'),
                                cancelText: t('取消', 'Cancel'),
                                onOk: async () => {
                                  const ok = await save(r.key, null);
                                  if (!ok) message.error(t('恢复失败', 'Reset failed'));
                                },
                              })
                            }
                          >
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
      {editing ? (
        <Modal
          open
          title={t(
            `调整「${lbl(RESIDENTS_RULE_LABELS, editing.key)}」`,
            `Change ${lbl(RESIDENTS_RULE_LABELS, editing.key)}`,
          )}
          okText={t('保存', 'Save')}
          cancelText={t('取消', 'Cancel')}
          confirmLoading={busy}
          okButtonProps={{ disabled: value == null }}
          onOk={() => value != null && save(editing.key, value)}
          onCancel={() => setEditing(null)}
        >
          {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
          <label htmlFor="rule-value" style={{ display: 'block', marginBottom: 4 }}>
            {t(`新的值（默认 ${editing.def}）`, `New value (default ${editing.def})`)}
          </label>
          <InputNumber
            id="rule-value"
            min={0}
            max={1000}
            precision={0}
            value={value}
            onChange={(v) => setValue(v == null ? null : Number(v))}
            style={{ width: 160 }}
            data-testid="rule-value"
          />
        </Modal>
      ) : null}
    </Card>
  );
}

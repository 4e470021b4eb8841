/** The three evaluations (三评, `/evaluations`): the leader's monthly review, the residents' half-year evaluation, the year-end organization evaluation. */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EVALUATION_GRADES, EVALUATION_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, chinaToday, halfYearOf, type EvaluationItem } from '../requests/requestModel';
import { patchParams } from '../requests/RequestParts';

/** The default period of a kind for today. */
function defaultPeriod(kind: string): string {
  const today = chinaToday();
  if (kind === 'monthly_review') return today.slice(0, 7);
  if (kind === 'half_year_residents') return halfYearOf(today);
  return today.slice(0, 4);
}

const PERIOD_PATTERNS: Record<string, RegExp> = {
  monthly_review: /^\d{4}-(0[1-9]|1[0-2])$/,
  half_year_residents: /^\d{4}-H[12]$/,
  year_end_org: /^\d{4}$/,
};

interface Suggest {
  satisfied?: number;
  fairlySatisfied?: number;
  dissatisfied?: number;
}

function EvaluationModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? 'monthly_review';

  async function suggest() {
    const v = form.getFieldsValue();
    if (!v.orgId || !PERIOD_PATTERNS.half_year_residents.test(v.period ?? '')) {
      setError(
        t('请先选择组织并填写半年周期（如 2026-H1）', 'Choose the organization and a half-year (e.g. 2026-H1) first'),
      );
      return;
    }
    try {
      const s = await api.get<Suggest>('/api/evaluations/suggest', {
        org: v.orgId,
        kind: 'half_year_residents',
        period: v.period,
      });
      const basically = s.fairlySatisfied ?? 0;
      form.setFieldsValue({
        satisfied: s.satisfied ?? 0,
        fairlySatisfied: basically,
        dissatisfied: s.dissatisfied ?? 0,
      });
      setHint(
        t(
          `已按本期办结诉求的群众评价填入：满意 ${s.satisfied ?? 0}，基本满意 ${basically}，不满意 ${s.dissatisfied ?? 0}`,
          `Filled from the ratings of the period: ${s.satisfied ?? 0} / ${basically} / ${s.dissatisfied ?? 0}`,
        ),
      );
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function submit() {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
      await api.post('/api/evaluations', body);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('录入评价', 'Record an evaluation')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={620}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgId,
          kind: 'monthly_review',
          period: defaultPeriod('monthly_review'),
          evaluatorName: me?.displayName,
        }}
        onValuesChange={(changed) => {
          if ('kind' in changed) form.setFieldsValue({ period: defaultPeriod(changed.kind as string) });
        }}
      >
        <Form.Item
          label={t('被评组织', 'Organization')}
          name="orgId"
          rules={[{ required: true, message: t('请选择组织', 'Choose the organization') }]}
        >
          <OrgTreeSelect valueLabel={orgName} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('评价类型', 'Kind')} name="kind" rules={[{ required: true }]}>
            <Select options={opts(EVALUATION_KINDS)} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            label={t('周期', 'Period')}
            name="period"
            rules={[
              {
                required: true,
                pattern: PERIOD_PATTERNS[kind],
                message: t('月评 YYYY-MM，半年评 YYYY-H1/H2，年终评 YYYY', 'YYYY-MM, YYYY-H1/H2 or YYYY'),
              },
            ]}
          >
            <Input style={{ width: 130 }} maxLength={7} />
          </Form.Item>
        </Space>
        {kind === 'half_year_residents' ? (
          <>
            <Space wrap align="end">
              <Form.Item
                label={t('满意', 'Satisfied')}
                name="satisfied"
                rules={[{ required: true, message: t('请填写', 'Required') }]}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item
                label={t('基本满意', 'Basically satisfied')}
                name="fairlySatisfied"
                rules={[{ required: true, message: t('请填写', 'Required') }]}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item
                label={t('不满意', 'Unsatisfied')}
                name="dissatisfied"
                rules={[{ required: true, message: t('请填写', 'Required') }]}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item>
                <Button onClick={suggest} data-testid="evaluation-suggest">
                  {t('按本期评价填入', 'Fill from the ratings')}
                </Button>
              </Form.Item>
            </Space>
          </>
        ) : null}
        {kind === 'year_end_org' ? (
          <Form.Item
            label={t('等次', 'Grade')}
            name="grade"
            rules={[{ required: true, message: t('请选择等次', 'Choose the grade') }]}
          >
            <Select options={opts(EVALUATION_GRADES)} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={kind === 'monthly_review' ? t('点评意见', 'Review comments') : t('评价意见', 'Comments')}
          name="comments"
          rules={
            kind === 'monthly_review'
              ? [{ required: true, whitespace: true, message: t('请填写点评意见', 'Write the comments') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          label={t('评价人', 'Evaluator')}
          name="evaluatorName"
          rules={[{ required: true, whitespace: true, message: t('请填写评价人', 'Name the evaluator') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The evaluations page. */
export default function EvaluationsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const canWrite = hasCap(me, 'residents.evaluate') || hasCap(me, 'residents.write');
  const recycle = params.get('deleted') === 'true';
  const page = Number(params.get('page') ?? 1);
  const query: Record<string, string | number> = {};
  for (const k of ['org', 'kind', 'period', 'deleted']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (!query.org && org) query.org = org.id;
  const list = useQuery({
    queryKey: ['evaluations', query, page],
    queryFn: ({ signal }) =>
      api.get<ListPage<EvaluationItem>>('/api/evaluations', { ...query, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });

  async function remove(e: EvaluationItem) {
    try {
      await api.del(`/api/evaluations/${e.id}`);
      qc.invalidateQueries({ queryKey: ['evaluations'] });
      message.success(t('已移入回收站', 'Moved to the recycle bin'));
    } catch (err) {
      message.error((err as Error).message);
    }
  }
  async function restore(e: EvaluationItem) {
    try {
      await api.post(`/api/evaluations/${e.id}/restore`);
      qc.invalidateQueries({ queryKey: ['evaluations'] });
      message.success(t('已恢复', 'Restored'));
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  const columns: TableProps<EvaluationItem>['columns'] = [
    { title: t('组织', 'Organization'), dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: t('类型', 'Kind'), dataIndex: 'kind', width: 170, render: (v: string) => lbl(EVALUATION_KINDS, v) },
    { title: t('周期', 'Period'), dataIndex: 'period', width: 100 },
    {
      title: t('结果', 'Result'),
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
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 80,
      render: (_, e) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(e)}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Popconfirm
            title={t('删除这条评价？', 'Delete this evaluation?')}
            okText={t('删除', 'Delete')}
            cancelText={t('取消', 'Cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(e)}
          >
            <Button size="small" type="text" danger aria-label={t('删除', 'Delete')} icon={<DeleteOutlined />} />
          </Popconfirm>
        ),
    });
  }

  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {recycle ? t('三评回收站', 'Evaluations recycle bin') : t('三评', 'The three evaluations')}
        </Typography.Title>
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            {recycle ? (
              <Button onClick={() => setParams(patchParams(params, { deleted: null }))}>{t('返回', 'Back')}</Button>
            ) : canWrite ? (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setAdding(true)}
                  data-testid="new-evaluation"
                >
                  {t('录入评价', 'Record an evaluation')}
                </Button>
                <Button icon={<DeleteOutlined />} onClick={() => setParams(patchParams(params, { deleted: 'true' }))}>
                  {t('回收站', 'Recycle bin')}
                </Button>
              </>
            ) : null}
          </Space>
        </div>
      </div>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Select
          allowClear
          aria-label={t('评价类型', 'Kind')}
          placeholder={t('评价类型', 'Kind')}
          style={{ width: 200 }}
          value={params.get('kind') ?? undefined}
          options={opts(EVALUATION_KINDS)}
          onChange={(v) => setParams(patchParams(params, { kind: v }))}
        />
        <Input.Search
          allowClear
          aria-label={t('周期', 'Period')}
          placeholder={t('周期，如 2026-H1', 'Period, e.g. 2026-H1')}
          style={{ width: 200 }}
          defaultValue={params.get('period') ?? ''}
          onSearch={(v) => setParams(patchParams(params, { period: v.trim() }))}
        />
      </Space>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<EvaluationItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('暂无评价记录', 'No evaluation yet') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t(`共 ${n} 条`, `${n} records`),
            onChange: (p) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              setParams(next);
            },
          }}
        />
      )}
      {adding ? (
        <EvaluationModal
          orgId={Number(query.org) || me?.orgId || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            message.success(t('评价已保存', 'Evaluation saved'));
            qc.invalidateQueries({ queryKey: ['evaluations'] });
          }}
        />
      ) : null}
    </Card>
  );
}

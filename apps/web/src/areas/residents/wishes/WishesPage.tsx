/** Micro-wishes (微心愿, `/wishes`): list and filters, posting for a resident, recycle bin. */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { WISH_KINDS, WISH_SOURCES, WISH_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, isMobile, type WishItem } from '../requests/requestModel';
import { HouseholdPicker, WishStatusTag, patchParams } from '../requests/RequestParts';

function WishModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: (w: WishItem) => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org = Form.useWatch('orgId', form) as number | undefined;
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
      onSaved(await api.post<WishItem>('/api/wishes', body));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('代群众提交心愿', 'Post a wish for a resident')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('提交', 'Post')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId, kind: 'wish' }}>
        <Form.Item
          label={t('村（社区）', 'Village or community')}
          name="orgId"
          rules={[{ required: true, message: t('请选择村（社区）', 'Choose the village') }]}
        >
          <OrgTreeSelect valueLabel={orgName} />
        </Form.Item>
        <Form.Item label={t('类型', 'Kind')} name="kind">
          <Radio.Group optionType="button" options={opts(WISH_KINDS)} />
        </Form.Item>
        <Form.Item
          label={t('标题', 'Title')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Write a title') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          label={t('内容', 'Description')}
          name="description"
          rules={[{ required: true, whitespace: true, message: t('请填写内容', 'Describe it') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('登记户（可不选）', 'Household (optional)')} name="householdId">
          <HouseholdPicker org={org} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('群众姓名', 'Resident name')} name="residentName">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            label={t('联系电话', 'Phone')}
            name="phone"
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v || isMobile(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('手机号码格式不正确', 'Invalid mobile number'))),
              },
            ]}
          >
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The wishes page. */
export default function WishesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const canWrite = hasCap(me, 'residents.write');
  const recycle = params.get('deleted') === 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query: Record<string, string | number> = {};
  for (const k of ['org', 'q', 'kind', 'status', 'mine', 'deleted']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (!query.org && org) query.org = org.id;
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const setFilter = (patch: Record<string, string | number | null | undefined>) =>
    setParams(patchParams(params, patch));

  const list = useQuery({
    queryKey: ['wishes', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<WishItem>>('/api/wishes', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  async function remove(w: WishItem) {
    try {
      await api.del(`/api/wishes/${w.id}`);
      qc.invalidateQueries({ queryKey: ['wishes'] });
      message.success(t('已移入回收站', 'Moved to the recycle bin'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function restore(w: WishItem) {
    try {
      await api.post(`/api/wishes/${w.id}/restore`);
      qc.invalidateQueries({ queryKey: ['wishes'] });
      message.success(t('已恢复', 'Restored'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const columns: TableProps<WishItem>['columns'] = [
    { title: t('提交时间', 'Posted'), dataIndex: 'createdAt', width: 140, render: (v: string) => chinaDateTime(v) },
    {
      title: t('心愿', 'Wish'),
      dataIndex: 'title',
      render: (v: string, w) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/wishes/${w.id}`} onClick={(e) => e.stopPropagation()} data-testid="wish-link">
            {v}
          </Link>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {lbl(WISH_KINDS, w.kind)} · {w.orgName} · {lbl(WISH_SOURCES, w.postedVia)}
          </div>
        </div>
      ),
    },
    {
      title: t('群众', 'Resident'),
      width: 150,
      render: (_, w) => (w.residentName || w.phone ? `${w.residentName ?? ''} ${w.phone ?? ''}`.trim() : '—'),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 130,
      render: (v: string) => <WishStatusTag status={v} />,
    },
    {
      title: t('认领党员', 'Claimed by'),
      width: 150,
      render: (_, w) => (w.claimedBy ? <span>{w.claimedBy.name}</span> : '—'),
    },
    {
      title: t('认领时限', 'Claim due'),
      dataIndex: 'claimDueAt',
      width: 120,
      render: (v: string | null, w) => (v && w.status === 'claimed' ? chinaDateTime(v).slice(0, 10) : '—'),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 80,
      render: (_, w) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={(e) => (e.stopPropagation(), restore(w))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <span onClick={(e) => e.stopPropagation()}>
            <Popconfirm
              title={t('删除这条心愿？', 'Delete this wish?')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(w)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除 ${w.title}`, `Delete ${w.title}`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </span>
        ),
    });
  }

  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {recycle ? t('微心愿回收站', 'Wishes recycle bin') : t('微心愿 · 微建议', 'Micro-wishes and suggestions')}
        </Typography.Title>
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            <Button href="/m/wishes" target="_blank">
              {t('公开心愿墙', 'Public wall')}
            </Button>
            {recycle ? (
              <Button onClick={() => setFilter({ deleted: null })}>{t('返回', 'Back')}</Button>
            ) : canWrite ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-wish">
                  {t('代群众提交', 'Post for a resident')}
                </Button>
                <Button icon={<DeleteOutlined />} onClick={() => setFilter({ deleted: 'true' })}>
                  {t('回收站', 'Recycle bin')}
                </Button>
              </>
            ) : null}
          </Space>
        </div>
      </div>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          allowClear
          maxLength={40}
          aria-label={t('搜索心愿', 'Search wishes')}
          placeholder={t('标题、内容或姓名', 'Title, text or name')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label={t('类型', 'Kind')}
          placeholder={t('类型', 'Kind')}
          style={{ width: 120 }}
          value={params.get('kind') ?? undefined}
          options={opts(WISH_KINDS)}
          onChange={(v) => setFilter({ kind: v })}
        />
        <Select
          allowClear
          aria-label={t('状态', 'Status')}
          placeholder={t('状态', 'Status')}
          style={{ width: 150 }}
          value={params.get('status') ?? undefined}
          options={opts(WISH_STATUSES)}
          onChange={(v) => setFilter({ status: v })}
        />
        {me?.memberId ? (
          <Checkbox
            checked={params.get('mine') === 'true'}
            onChange={(e) => setFilter({ mine: e.target.checked ? 'true' : null })}
          >
            {t('我认领的', 'Claimed by me')}
          </Checkbox>
        ) : null}
      </Space>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<WishItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          onRow={(w) => ({ onClick: () => navigate(`/wishes/${w.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('没有符合条件的心愿', 'No wish matches') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="wish-total">{t(`共 ${n} 条`, `${n} wishes`)}</span>,
            onChange: (p, s) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(s));
              setParams(next);
            },
          }}
        />
      )}
      {adding ? (
        <WishModal
          orgId={Number(query.org) || me?.orgId || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(false)}
          onSaved={(w) => {
            setAdding(false);
            message.success(t('心愿已提交', 'Wish posted'));
            qc.invalidateQueries({ queryKey: ['wishes'] });
            navigate(`/wishes/${w.id}`);
          }}
        />
      ) : null}
    </Card>
  );
}

/** Proxy errands (党员代办, `/errands`, `/errands/:id` opens the drawer): list, record, steps, done or cancel, recycle bin. */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ERRAND_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, isMobile, type ErrandDetail, type ErrandItem } from '../requests/requestModel';
import { ErrandStatusTag, EventTimeline, HouseholdPicker, MemberPicker, patchParams } from '../requests/RequestParts';

function ErrandModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: (e: ErrandItem) => void;
}) {
  const t = useT();
  const { data: me } = useMe();
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
      onSaved(await api.post<ErrandItem>('/api/errands', body));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('登记代办事项', 'Record an errand')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId }}>
        <Form.Item
          label={t('所属组织', 'Organization')}
          name="orgId"
          rules={[{ required: true, message: t('请选择组织', 'Choose the organization') }]}
        >
          <OrgTreeSelect valueLabel={orgName} />
        </Form.Item>
        <Form.Item
          label={t('代办事项', 'Errand')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('请填写代办事项', 'Name the errand') }]}
        >
          <Input maxLength={80} placeholder={t('如：代办医保报销', 'e.g. file a medical insurance claim')} />
        </Form.Item>
        <Form.Item label={t('说明', 'Details')} name="description">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('登记户（可不选）', 'Household (optional)')} name="householdId">
          <HouseholdPicker
            org={org}
            onChange={(v, h) =>
              form.setFieldsValue({ householdId: v, residentName: h?.headName ?? form.getFieldValue('residentName') })
            }
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            label={t('群众姓名', 'Resident')}
            name="residentName"
            rules={[{ required: true, whitespace: true, message: t('请填写群众姓名', 'Name the resident') }]}
          >
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
          <Form.Item label={t('红色暖心卡号', 'Warm-heart card no.')} name="cardNo">
            <Input maxLength={30} />
          </Form.Item>
        </Space>
        {hasCap(me, 'residents.write') ? (
          <Form.Item label={t('承办党员（默认本人）', 'Member (defaults to you)')} name="memberId">
            <MemberPicker org={org} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function ErrandDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['errand', id],
    queryFn: ({ signal }) => api.get<ErrandDetail>(`/api/errands/${id}`, undefined, signal),
  });
  const e = q.data;
  usePageCrumb(e?.title);
  async function act(path: 'steps' | 'done' | 'cancel') {
    if (!text.trim())
      return message.warning(
        path === 'done' ? t('请填写办理结果', 'Write the result') : t('请填写说明', 'Write a note'),
      );
    setBusy(true);
    try {
      await api.post(`/api/errands/${id}/${path}`, path === 'done' ? { result: text.trim() } : { note: text.trim() });
      setText('');
      message.success(t('已保存', 'Saved'));
      onChanged();
      void q.refetch();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Drawer open onClose={onClose} size="large" title={e?.title ?? t('代办事项', 'Errand')}>
      {q.isPending ? (
        <Skeleton active />
      ) : q.error || !e ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('状态', 'Status')}>
              <ErrandStatusTag status={e.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('群众', 'Resident')}>
              {e.residentName} {e.phone ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('红色暖心卡号', 'Card no.')}>{e.cardNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('承办党员', 'Member')}>
              {e.memberName}（{e.orgName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('承接时间', 'Taken')}>{chinaDateTime(e.takenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('办结时间', 'Done')}>{chinaDateTime(e.doneAt) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('说明', 'Details')}>{e.description ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('办理结果', 'Result')}>{e.result ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <h3 style={{ fontSize: 16 }}>{t('办理步骤', 'Steps')}</h3>
            <EventTimeline events={e.events} />
          </div>
          {e.status === 'in_progress' ? (
            <div>
              <label htmlFor="errand-text">{t('步骤说明 / 办理结果', 'Step note or result')}</label>
              <Input.TextArea
                id="errand-text"
                rows={3}
                maxLength={1000}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
              />
              <Space wrap style={{ marginTop: 8 }}>
                <Button loading={busy} onClick={() => act('steps')} data-testid="errand-step">
                  {t('记录步骤', 'Add a step')}
                </Button>
                <Button type="primary" loading={busy} onClick={() => act('done')} data-testid="errand-done">
                  {t('办结', 'Done')}
                </Button>
                <Popconfirm
                  title={t('取消这项代办？', 'Cancel this errand?')}
                  okText={t('取消代办', 'Cancel it')}
                  cancelText={t('返回', 'Back')}
                  onConfirm={() => act('cancel')}
                >
                  <Button danger>{t('取消代办', 'Cancel errand')}</Button>
                </Popconfirm>
              </Space>
            </div>
          ) : null}
        </Space>
      )}
    </Drawer>
  );
}

/** The errands page. */
export default function ErrandsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const { id: openId } = useParams();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const canWrite = hasCap(me, 'residents.write');
  const canRecord = canWrite || hasCap(me, 'residents.claim');
  const recycle = params.get('deleted') === 'true';
  const page = Number(params.get('page') ?? 1);
  const query: Record<string, string | number> = {};
  for (const k of ['org', 'q', 'status', 'mine', 'deleted']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (!query.org && org) query.org = org.id;
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const setFilter = (patch: Record<string, string | number | null | undefined>) =>
    setParams(patchParams(params, patch));
  const list = useQuery({
    queryKey: ['errands', 'list', query, page],
    queryFn: ({ signal }) => api.get<ListPage<ErrandItem>>('/api/errands', { ...query, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const search = params.toString() ? `?${params.toString()}` : '';

  async function remove(e: ErrandItem) {
    try {
      await api.del(`/api/errands/${e.id}`);
      qc.invalidateQueries({ queryKey: ['errands'] });
      message.success(t('已移入回收站', 'Moved to the recycle bin'));
    } catch (err) {
      message.error((err as Error).message);
    }
  }
  async function restore(e: ErrandItem) {
    try {
      await api.post(`/api/errands/${e.id}/restore`);
      qc.invalidateQueries({ queryKey: ['errands'] });
      message.success(t('已恢复', 'Restored'));
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  const columns: TableProps<ErrandItem>['columns'] = [
    { title: t('承接时间', 'Taken'), dataIndex: 'takenAt', width: 140, render: (v: string) => chinaDateTime(v) },
    {
      title: t('代办事项', 'Errand'),
      dataIndex: 'title',
      render: (v: string, e) => (
        <div style={{ minWidth: 180 }}>
          <a
            href={`/errands/${e.id}${search}`}
            onClick={(ev) => (ev.preventDefault(), ev.stopPropagation(), navigate(`/errands/${e.id}${search}`))}
            data-testid="errand-link"
          >
            {v}
          </a>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {e.residentName}
            {e.cardNo ? ` · ${t('暖心卡', 'Card')} ${e.cardNo}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('承办党员', 'Member'), width: 180, render: (_, e) => `${e.memberName}（${e.orgName}）` },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <ErrandStatusTag status={v} />,
    },
    {
      title: t('办结时间', 'Done'),
      dataIndex: 'doneAt',
      width: 140,
      render: (v: string | null) => chinaDateTime(v) || '—',
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 80,
      render: (_, e) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={(ev) => (ev.stopPropagation(), restore(e))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <span onClick={(ev) => ev.stopPropagation()}>
            <Popconfirm
              title={t('删除这项代办？', 'Delete this errand?')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(e)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除 ${e.title}`, `Delete ${e.title}`)}
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
          {recycle ? t('代办回收站', 'Errands recycle bin') : t('党员代办', 'Proxy errands')}
        </Typography.Title>
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            {recycle ? (
              <Button onClick={() => setFilter({ deleted: null })}>{t('返回', 'Back')}</Button>
            ) : (
              <>
                {canRecord ? (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setAdding(true)}
                    data-testid="new-errand"
                  >
                    {t('登记代办', 'Record an errand')}
                  </Button>
                ) : null}
                {canWrite ? (
                  <Button icon={<DeleteOutlined />} onClick={() => setFilter({ deleted: 'true' })}>
                    {t('回收站', 'Recycle bin')}
                  </Button>
                ) : null}
              </>
            )}
          </Space>
        </div>
      </div>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          allowClear
          maxLength={40}
          aria-label={t('搜索代办', 'Search errands')}
          placeholder={t('事项、群众或卡号', 'Errand, resident or card')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label={t('状态', 'Status')}
          placeholder={t('状态', 'Status')}
          style={{ width: 130 }}
          value={params.get('status') ?? undefined}
          options={opts(ERRAND_STATUSES)}
          onChange={(v) => setFilter({ status: v })}
        />
        {me?.memberId ? (
          <Checkbox
            checked={params.get('mine') === 'true'}
            onChange={(e) => setFilter({ mine: e.target.checked ? 'true' : null })}
          >
            {t('我承办的', 'Mine')}
          </Checkbox>
        ) : null}
      </Space>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ErrandItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          onRow={(e) => ({ onClick: () => navigate(`/errands/${e.id}${search}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('没有符合条件的代办事项', 'No errand matches') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t(`共 ${n} 项`, `${n} errands`),
            onChange: (p) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              setParams(next);
            },
          }}
        />
      )}
      {adding ? (
        <ErrandModal
          orgId={Number(query.org) || me?.orgId || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(false)}
          onSaved={(e) => {
            setAdding(false);
            message.success(t('已登记', 'Recorded'));
            qc.invalidateQueries({ queryKey: ['errands'] });
            navigate(`/errands/${e.id}`);
          }}
        />
      ) : null}
      {openId ? (
        <ErrandDrawer
          id={Number(openId)}
          onClose={() => navigate(`/errands${search}`)}
          onChanged={() => {
            qc.invalidateQueries({ queryKey: ['errands'] });
            qc.invalidateQueries({ queryKey: ['service-stats'] });
          }}
        />
      ) : null}
    </Card>
  );
}

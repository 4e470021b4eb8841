/** 结对帮扶 (`/pairings`): cadres paired with poor households; create, end, delete/restore; `?new=1&household=` opens the form. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined, StopOutlined, UndoOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { DateField } from '../../../components/DateField';
import { ErrorResult } from '../../../components/States';
import {
  HouseholdSelect,
  MemberSelect,
  OrgFilterTag,
  PageHead,
  useDeleteRestore,
  useListState,
  useResidentsRules,
} from '../common/ResidentsParts';
import { chinaToday, type Pairing } from '../common/model';

const FILTERS = ['q', 'org', 'cadre', 'active', 'deleted'] as const;
const KEYS = ['pairings', 'pairing-gaps', 'households', 'household', 'service-stats'];

function CreatePairing({ household, onClose }: { household?: number; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const rules = useResidentsRules().data?.rules;
  const [form] = Form.useForm<{ householdId: number; cadreMemberId: number; startedOn: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { householdId: number; cadreMemberId: number; startedOn: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post<Pairing>('/api/pairings', v);
      KEYS.forEach((k) => qc.invalidateQueries({ queryKey: [k] }));
      message.success(t('已结对', 'Paired'));
      onClose();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      const field =
        code === 'residents.not_poor'
          ? 'householdId'
          : code === 'residents.pairing_load' || code === 'residents.already_paired'
            ? 'cadreMemberId'
            : code === 'residents.in_future'
              ? 'startedOn'
              : null;
      if (field) form.setFields([{ name: field, errors: [(e as Error).message] }]);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('新建结对', 'New pairing')}
      okText={t('结对', 'Pair')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="pairing-form">
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ householdId: household, startedOn: chinaToday() }}
        >
          <Form.Item
            label={t('困难户', 'Poor household')}
            name="householdId"
            rules={[{ required: true, message: t('请选择困难户', 'Choose a poor household') }]}
            extra={t('只列出脱贫户、监测户、低保户、五保户', 'Only poor households are listed')}
          >
            <HouseholdSelect poor />
          </Form.Item>
          <Form.Item
            label={t('帮扶干部', 'Cadre')}
            name="cadreMemberId"
            rules={[{ required: true, message: t('请选择帮扶干部', 'Choose the cadre') }]}
            extra={
              rules
                ? t(
                    `每名干部结对 ${rules.pairingLoadMin}–${rules.pairingLoadMax} 户`,
                    `${rules.pairingLoadMin}–${rules.pairingLoadMax} households per cadre`,
                  )
                : undefined
            }
          >
            <MemberSelect />
          </Form.Item>
          <Form.Item
            label={t('开始日期', 'Since')}
            name="startedOn"
            rules={[{ required: true, message: t('请选择日期', 'Choose a date') }]}
          >
            <DateField maxToday />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function EndPairing({ p, onClose }: { p: Pairing; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [endedOn, setEndedOn] = useState<string | null>(chinaToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!endedOn) return setError(t('请选择结束日期', 'Choose the end date'));
    setBusy(true);
    try {
      await api.post(`/api/pairings/${p.id}/end`, { endedOn });
      KEYS.forEach((k) => qc.invalidateQueries({ queryKey: [k] }));
      message.success(t('已结束结对', 'Pairing ended'));
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t(`结束结对：${p.cadreName} — ${p.householdHead}户`, `End pairing: ${p.cadreName} — ${p.householdHead}`)}
      okText={t('结束', 'End')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <label htmlFor="ended-on">{t('结束日期', 'End date')}</label>
      <DateField id="ended-on" value={endedOn} onChange={setEndedOn} maxToday />
    </Modal>
  );
}

/** The pairings page. */
export default function PairingsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { params, setParams, query, page, pageSize, setFilter, setPage, filtered, recycle } = useListState(FILTERS);
  const canWrite = hasCap(me, 'residents.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const [ending, setEnding] = useState<Pairing | null>(null);
  const creating = params.get('new') === '1';
  const { remove, restore } = useDeleteRestore('/api/pairings', KEYS);
  const list = useQuery({
    queryKey: ['pairings', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<Pairing>>('/api/pairings', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const name = (p: Pairing) => `${p.cadreName} — ${p.householdHead}`;

  const columns: TableProps<Pairing>['columns'] = [
    {
      title: t('困难户', 'Household'),
      dataIndex: 'householdHead',
      width: 110,
      render: (v: string, p) => <Link to={`/households/${p.householdId}`}>{v}</Link>,
    },
    { title: t('住址', 'Address'), dataIndex: 'householdAddress', ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('帮扶干部', 'Cadre'),
      dataIndex: 'cadreName',
      width: 100,
      render: (v: string, p) => <a onClick={() => setFilter('cadre', p.cadreMemberId)}>{v}</a>,
    },
    { title: t('干部单位', 'Cadre organization'), dataIndex: 'cadreOrgName', ellipsis: true },
    { title: t('开始', 'Since'), dataIndex: 'startedOn', width: 110 },
    {
      title: t('状态', 'Status'),
      dataIndex: 'endedOn',
      width: 140,
      render: (v: string | null) =>
        v ? <Tag>{t(`已于 ${v} 结束`, `Ended ${v}`)}</Tag> : <Tag color="green">{t('帮扶中', 'Active')}</Tag>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 110,
      render: (_, p) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(p.id, name(p))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Space size={4}>
            {p.endedOn ? null : (
              <Button
                size="small"
                type="text"
                icon={<StopOutlined />}
                aria-label={t(`结束 ${name(p)}`, `End ${name(p)}`)}
                title={t('结束结对', 'End')}
                onClick={() => setEnding(p)}
              />
            )}
            <Popconfirm
              title={t(`删除结对「${name(p)}」？`, `Delete the pairing ${name(p)}?`)}
              description={t('录入错误时删除；正常结束请用“结束”', 'For mistakes; use End when a pairing ends')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(p.id, name(p))}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(`删除 ${name(p)}`, `Delete ${name(p)}`)}
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <Card>
      <PageHead
        title={recycle ? t('结对帮扶回收站', 'Pairings: recycle bin') : t('结对帮扶', 'Pairings')}
        actions={
          recycle ? (
            <Button onClick={() => setFilter('deleted', null)}>{t('返回结对列表', 'Back to the pairings')}</Button>
          ) : (
            <>
              {canWrite ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setFilter('new', '1')}
                  data-testid="new-pairing"
                >
                  {t('新建结对', 'New pairing')}
                </Button>
              ) : null}
              <Button icon={<WarningOutlined />} onClick={() => navigate('/pairings/gaps')}>
                {t('结对缺口', 'Gaps')}
              </Button>
              {canWrite ? (
                <Button icon={<DeleteOutlined />} onClick={() => setFilter('deleted', 'true')}>
                  {t('回收站', 'Recycle bin')}
                </Button>
              ) : null}
            </>
          )
        }
      />
      <div role="search">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('搜索户主、地址或干部', 'Search head, address or cadre')}
            placeholder={t('户主 / 地址 / 干部', 'Head / address / cadre')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            aria-label={t('状态', 'Status')}
            placeholder={t('状态', 'Status')}
            style={{ width: 120 }}
            value={query.active as string | undefined}
            onChange={(v) => setFilter('active', v)}
            options={[
              { value: 'true', label: t('帮扶中', 'Active') },
              { value: 'false', label: t('已结束', 'Ended') },
            ]}
          />
          {params.get('cadre') ? (
            <Tag closable onClose={() => setFilter('cadre', null)}>
              {t('干部：', 'Cadre: ')}
              {list.data?.items.find((p) => String(p.cadreMemberId) === params.get('cadre'))?.cadreName ??
                `#${params.get('cadre')}`}
            </Tag>
          ) : null}
          <OrgFilterTag orgId={params.get('org')} onClose={() => setFilter('org', null)} />
          {filtered && !creating ? (
            <Button
              type="link"
              onClick={() => {
                setText('');
                setParams(recycle ? { deleted: 'true' } : {});
              }}
            >
              {t('清除筛选', 'Clear filters')}
            </Button>
          ) : null}
        </Space>
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<Pairing>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: recycle ? t('回收站是空的', 'The recycle bin is empty') : t('没有结对记录', 'No pairing'),
          }}
          onChange={(pg) => setPage(pg.current ?? 1, pg.pageSize ?? 20)}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t(`共 ${n} 条`, `${n} in all`),
          }}
        />
      )}
      {creating && canWrite ? (
        <CreatePairing
          household={params.get('household') ? Number(params.get('household')) : undefined}
          onClose={() => {
            const next = new URLSearchParams(params);
            next.delete('new');
            next.delete('household');
            setParams(next);
          }}
        />
      ) : null}
      {ending ? <EndPairing p={ending} onClose={() => setEnding(null)} /> : null}
    </Card>
  );
}

/** 党员责任区 (`/zones`): grid zones of communities with the members assigned; create/edit, assign and unassign, delete/restore. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';
import { showFieldError } from '../../../components/formErrors';
import { MemberSelect, OrgFilterTag, PageHead, useDeleteRestore, useListState } from '../common/ResidentsParts';
import type { MemberOption, Zone } from '../common/model';

const FILTERS = ['q', 'org', 'deleted'] as const;

interface ZoneValues {
  orgId: number;
  name: string;
  area?: string;
  households?: number | null;
}

function ZoneEditor({ zone, onClose }: { zone: Zone | null; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { org } = useScope();
  const { data: me } = useMe();
  const { message } = useFeedback();
  const [form] = Form.useForm<ZoneValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: ZoneValues) {
    setBusy(true);
    setError(null);
    const body = {
      orgId: v.orgId,
      name: v.name.trim(),
      area: v.area?.trim() || null,
      ...(v.households != null ? { households: v.households } : {}),
    };
    try {
      const saved = zone
        ? await api.patch<Zone>(`/api/zones/${zone.id}`, body)
        : await api.post<Zone>('/api/zones', body);
      qc.invalidateQueries({ queryKey: ['zones'] });
      message.success(t(`已保存「${saved.name}」`, `"${saved.name}" saved`));
      onClose();
    } catch (e) {
      if (e && (e as { code?: string }).code === 'residents.zone_org')
        form.setFields([{ name: 'orgId', errors: [(e as Error).message] }]);
      else if (!showFieldError(form, e)) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={zone ? t(`编辑责任区：${zone.name}`, `Edit zone: ${zone.name}`) : t('新建责任区', 'New zone')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <div data-testid="zone-form">
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
        <Form<ZoneValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            zone
              ? { orgId: zone.orgId, name: zone.name, area: zone.area ?? undefined, households: zone.households }
              : { orgId: org?.id ?? me?.orgId ?? undefined }
          }
        >
          <Form.Item
            label={t('所属社区', 'Community')}
            name="orgId"
            rules={[{ required: true, message: t('请选择社区党组织', 'Choose the community') }]}
          >
            <OrgTreeSelect valueLabel={zone?.orgName ?? org?.name ?? me?.orgName ?? undefined} />
          </Form.Item>
          <Form.Item
            label={t('责任区名称', 'Zone name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('请输入名称', 'Enter a name') }, { max: 60 }]}
          >
            <Input placeholder={t('如：第3网格', 'e.g. Grid 3')} data-testid="zone-name" />
          </Form.Item>
          <Form.Item label={t('范围', 'Area')} name="area" rules={[{ max: 200 }]}>
            <Input placeholder={t('如：幸福小区1–6栋', 'e.g. Xingfu estate, buildings 1–6')} />
          </Form.Item>
          <Form.Item label={t('户数', 'Households')} name="households">
            <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function AssignMember({ zone, onClose }: { zone: Zone; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [member, setMember] = useState<MemberOption | null>(null);
  const [memberId, setMemberId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!memberId) return setError(t('请选择党员', 'Choose a member'));
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/zones/${zone.id}/members`, { memberId });
      qc.invalidateQueries({ queryKey: ['zones'] });
      message.success(
        t(`已将 ${member?.name ?? ''} 分配到「${zone.name}」`, `${member?.name ?? ''} assigned to "${zone.name}"`),
      );
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
      title={t(`分配党员到「${zone.name}」`, `Assign a member to "${zone.name}"`)}
      okText={t('分配', 'Assign')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <MemberSelect
        ariaLabel={t('党员', 'Member')}
        value={memberId}
        onChange={(id, m) => {
          setMemberId(id);
          setMember(m ?? null);
        }}
      />
    </Modal>
  );
}

/** The zones page. */
export default function ZonesPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const { data: me } = useMe();
  const { params, setParams, query, page, pageSize, setFilter, setPage, filtered, recycle } = useListState(FILTERS);
  const canWrite = hasCap(me, 'residents.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [assigning, setAssigning] = useState<Zone | null>(null);
  const { remove, restore } = useDeleteRestore('/api/zones', ['zones']);
  const list = useQuery({
    queryKey: ['zones', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<Zone>>('/api/zones', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  /** Asks first: the tag's close icon is easy to hit by mistake. */
  function unassign(z: Zone, m: Zone['members'][number]) {
    modal.confirm({
      title: t(`将 ${m.name} 移出「${z.name}」？`, `Remove ${m.name} from "${z.name}"?`),
      okText: t('移出', 'Remove'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { danger: true },
      onOk: () => doUnassign(z, m),
    });
  }

  async function doUnassign(z: Zone, m: Zone['members'][number]) {
    try {
      await api.del(`/api/zones/${z.id}/members/${m.memberId}`);
      qc.invalidateQueries({ queryKey: ['zones'] });
      message.success(t(`已将 ${m.name} 移出「${z.name}」`, `${m.name} removed from "${z.name}"`));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const columns: TableProps<Zone>['columns'] = [
    { title: t('责任区', 'Zone'), dataIndex: 'name', width: 160 },
    { title: t('社区', 'Community'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t('范围', 'Area'), dataIndex: 'area', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('户数', 'Households'),
      dataIndex: 'households',
      width: 80,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('责任党员', 'Members'),
      dataIndex: 'members',
      render: (ms: Zone['members'], z) => (
        <Space size={[4, 4]} wrap>
          {ms.length === 0 ? <span style={{ color: '#a8071a' }}>{t('未分配', 'None')}</span> : null}
          {ms.map((m) => (
            <Tooltip
              key={m.memberId}
              title={t(`${m.orgName} · ${m.assignedOn} 起`, `${m.orgName} · since ${m.assignedOn}`)}
            >
              <Tag
                closable={canWrite && !recycle}
                closeIcon={canWrite && !recycle ? undefined : false}
                onClose={(e) => {
                  e.preventDefault();
                  unassign(z, m);
                }}
                style={{ marginInlineEnd: 0 }}
              >
                {m.name}
              </Tag>
            </Tooltip>
          ))}
          {canWrite && !recycle ? (
            <Button
              size="small"
              type="dashed"
              icon={<UserAddOutlined />}
              onClick={() => setAssigning(z)}
              aria-label={t(`为「${z.name}」分配党员`, `Assign a member to "${z.name}"`)}
            >
              {t('分配', 'Assign')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: recycle ? 100 : 90,
      render: (_, z) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(z.id, z.name)}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t(`编辑 ${z.name}`, `Edit ${z.name}`)}
              onClick={() => setEditing(z)}
            />
            <Popconfirm
              title={t(`删除「${z.name}」？`, `Delete "${z.name}"?`)}
              description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(z.id, z.name)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(`删除 ${z.name}`, `Delete ${z.name}`)}
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <Card>
      <PageHead
        title={recycle ? t('责任区回收站', 'Zones: recycle bin') : t('党员责任区', 'Member responsibility zones')}
        actions={
          recycle ? (
            <Button onClick={() => setFilter('deleted', null)}>{t('返回责任区', 'Back to the zones')}</Button>
          ) : canWrite ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-zone">
                {t('新建责任区', 'New zone')}
              </Button>
              <Button icon={<DeleteOutlined />} onClick={() => setFilter('deleted', 'true')}>
                {t('回收站', 'Recycle bin')}
              </Button>
            </>
          ) : null
        }
      />
      <div role="search">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('搜索责任区', 'Search zones')}
            placeholder={t('责任区 / 范围', 'Zone / area')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 240 }}
          />
          <OrgFilterTag orgId={params.get('org')} onClose={() => setFilter('org', null)} />
          {filtered ? (
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
        <Table<Zone>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 960 }}
          locale={{ emptyText: recycle ? t('回收站是空的', 'The recycle bin is empty') : t('没有责任区', 'No zone') }}
          onChange={(pg) => setPage(pg.current ?? 1, pg.pageSize ?? 20)}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t(`共 ${n} 个责任区`, `${n} zones`),
          }}
        />
      )}
      {editing ? <ZoneEditor zone={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {assigning ? <AssignMember zone={assigning} onClose={() => setAssigning(null)} /> : null}
    </Card>
  );
}

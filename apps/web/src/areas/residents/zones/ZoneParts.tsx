/** The pieces of the zones page: the zone editor, the member assignment and the members cell with its unassign. */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Space, Tag, Tooltip } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { FormModal } from '../../../components/FormModal';
import { ActionModal, useRefreshed } from '../../../components/form/ActionModal';
import { MemberSelect } from '../common/ResidentsParts';
import type { MemberOption, Zone } from '../common/model';
import { Field } from '../../../components/form/Field';

interface ZoneValues {
  orgId: number;
  name: string;
  area?: string;
  households?: number | null;
}

/** The dialog that creates or edits a zone. */
export function ZoneEditor({ zone, onClose }: { zone: Zone | null; onClose: () => void }) {
  const t = useT();
  const { org } = useScope();
  const { data: me } = useMe();
  const refreshed = useRefreshed();
  function save(values: Record<string, unknown>) {
    const v = values as unknown as ZoneValues;
    const body = {
      orgId: v.orgId,
      name: v.name.trim(),
      area: v.area?.trim() || null,
      ...(v.households != null ? { households: v.households } : {}),
    };
    return zone ? api.patch<Zone>(`/api/zones/${zone.id}`, body) : api.post<Zone>('/api/zones', body);
  }
  return (
    <FormModal<Zone>
      title={zone ? t(`编辑责任区：${zone.name}`, `Edit zone: ${zone.name}`) : t('新建责任区', 'New zone')}
      onClose={onClose}
      onSubmit={save}
      onSaved={(saved) => {
        refreshed(['zones'], t(`已保存「${saved.name}」`, `"${saved.name}" saved`));
        onClose();
      }}
      fieldOfCode={{ 'residents.zone_org': 'orgId' }}
      initialValues={
        zone
          ? { orgId: zone.orgId, name: zone.name, area: zone.area ?? undefined, households: zone.households }
          : { orgId: org?.id ?? me?.orgId ?? undefined }
      }
    >
      <div data-testid="zone-form">
        <Field label={t('所属社区', 'Community')} name="orgId" required={t('请选择社区党组织', 'Choose the community')}>
          <OrgTreeSelect valueLabel={zone?.orgName ?? org?.name ?? me?.orgName ?? undefined} />
        </Field>
        <Field
          label={t('责任区名称', 'Zone name')}
          name="name"
          required={t('请输入名称', 'Enter a name')}
          whitespace
          max={60}
        >
          <Input placeholder={t('如：第3网格', 'e.g. Grid 3')} data-testid="zone-name" />
        </Field>
        <Field label={t('范围', 'Area')} name="area" max={200}>
          <Input placeholder={t('如：幸福小区1–6栋', 'e.g. Xingfu estate, buildings 1–6')} />
        </Field>
        <Form.Item label={t('户数', 'Households')} name="households">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </div>
    </FormModal>
  );
}

/** The dialog that assigns a member to a zone. */
export function AssignMember({ zone, onClose }: { zone: Zone; onClose: () => void }) {
  const t = useT();
  const [member, setMember] = useState<MemberOption | null>(null);
  const [memberId, setMemberId] = useState<number | null>(null);
  return (
    <ActionModal
      title={t(`分配党员到「${zone.name}」`, `Assign a member to "${zone.name}"`)}
      okText={t('分配', 'Assign')}
      onClose={onClose}
      refresh={['zones']}
      done={t(`已将 ${member?.name ?? ''} 分配到「${zone.name}」`, `${member?.name ?? ''} assigned to "${zone.name}"`)}
      run={async () => {
        if (!memberId) throw new Error(t('请选择党员', 'Choose a member'));
        await api.post(`/api/zones/${zone.id}/members`, { memberId });
      }}
    >
      <MemberSelect
        ariaLabel={t('党员', 'Member')}
        value={memberId}
        onChange={(id, m) => {
          setMemberId(id);
          setMember(m ?? null);
        }}
      />
    </ActionModal>
  );
}

/** The members of a zone as tags (closable to unassign, after a question) and an assign button. */
export function ZoneMembers({ z, editable, onAssign }: { z: Zone; editable: boolean; onAssign: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  async function doUnassign(m: Zone['members'][number]) {
    try {
      await api.del(`/api/zones/${z.id}/members/${m.memberId}`);
      qc.invalidateQueries({ queryKey: ['zones'] });
      message.success(t(`已将 ${m.name} 移出「${z.name}」`, `${m.name} removed from "${z.name}"`));
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  /** Asks first: the tag's close icon is easy to hit by mistake. */
  function unassign(m: Zone['members'][number]) {
    modal.confirm({
      title: t(`将 ${m.name} 移出「${z.name}」？`, `Remove ${m.name} from "${z.name}"?`),
      okText: t('移出', 'Remove'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { danger: true },
      onOk: () => doUnassign(m),
    });
  }
  return (
    <Space size={[4, 4]} wrap>
      {z.members.length === 0 ? <span style={{ color: '#a8071a' }}>{t('未分配', 'None')}</span> : null}
      {z.members.map((m) => (
        <Tooltip
          key={m.memberId}
          title={t(`${m.orgName} · ${m.assignedOn} 起`, `${m.orgName} · since ${m.assignedOn}`)}
        >
          <Tag
            closable={editable}
            closeIcon={editable ? undefined : false}
            onClose={(e) => {
              e.preventDefault();
              unassign(m);
            }}
            style={{ marginInlineEnd: 0 }}
          >
            {m.name}
          </Tag>
        </Tooltip>
      ))}
      {editable ? (
        <Button
          size="small"
          type="dashed"
          icon={<UserAddOutlined />}
          onClick={onAssign}
          aria-label={t(`为「${z.name}」分配党员`, `Assign a member to "${z.name}"`)}
        >
          {t('分配', 'Assign')}
        </Button>
      ) : null}
    </Space>
  );
}

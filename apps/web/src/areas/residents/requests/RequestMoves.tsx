/**
 * The moves of a request on its detail page: the ones the server allows this user (`actions` of the answer) in a
 * WorkflowActionBar with the labels of REQUEST_FLOW; transfer keeps its own dialog (an organization or a department).
 */
import { useRef, useState } from 'react';
import { Button, Form, Input, Radio, Space } from 'antd';
import { REQUEST_FLOW, SATISFACTION } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import type { RequestDetail } from './requestModel';
import { MemberPicker } from './RequestParts';
import { Field } from '../../../components/form/Field';

/** The owner's name, filled in by picking a member (whose id the caller keeps). */
function OwnerName({
  org,
  value,
  onChange,
  onMember,
}: {
  org: number;
  value?: string;
  onChange?: (v: string) => void;
  onMember: (id: number | null) => void;
}) {
  const t = useT();
  const [member, setMember] = useState<number | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <MemberPicker
        org={org}
        value={member}
        placeholder={t('选择党员', 'Choose a member')}
        onChange={(id, name) => {
          setMember(id);
          onMember(id);
          if (name) onChange?.(name);
        }}
      />
      <Input count={{ show: true, max: 40 }} value={value} onChange={(e) => onChange?.(e.target.value)} />
    </Space>
  );
}

/** The transfer dialog: to an organization or a department, with a note. */
function TransferModal({
  r,
  onClose,
  onDone,
}: {
  r: RequestDetail;
  onClose: () => void;
  onDone: (n: unknown) => void;
}) {
  const t = useT();
  return (
    <FormModal
      title={t('转办', 'Transfer')}
      okText={t('确定', 'OK')}
      onClose={onClose}
      onSaved={onDone}
      onSubmit={(body) => {
        if (!body.toOrgId && !(body.department as string | undefined)?.trim())
          throw new Error(t('请选择转办的组织或填写部门', 'Choose the organization or the department'));
        return api.post<RequestDetail>(`/api/requests/${r.id}/transfer`, body);
      }}
    >
      <Form.Item label={t('转至组织', 'To organization')} name="toOrgId">
        <OrgTreeSelect />
      </Form.Item>
      <Field label={t('或转至部门', 'Or to a department')} name="department" max={60}>
        <Input placeholder={t('如：县自然资源局', 'e.g. the county land bureau')} />
      </Field>
      <Field label={t('说明', 'Note')} name="note" required={t('请填写说明', 'Write a note')} whitespace max={2000}>
        <Input.TextArea rows={3} />
      </Field>
    </FormModal>
  );
}

/** The request's moves; `onDone` gets the new detail when the API answers with it. */
export function RequestMoves({ r, onDone }: { r: RequestDetail; onDone: (next: RequestDetail | null) => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const member = useRef<number | null>(null);
  const [transferring, setTransferring] = useState(false);
  const actions = r.deletedAt ? [] : r.actions;
  const done = (next: unknown) =>
    onDone(next && typeof next === 'object' && 'id' in next ? (next as RequestDetail) : null);
  return (
    <>
      <WorkflowActionBar
        actions={actions}
        moves={REQUEST_FLOW.actions}
        note="none"
        skip={['transfer']}
        primary={['close', 'rate']}
        fields={{
          ownerName: {
            label: { zh: '责任人', en: 'Owner' },
            render: () => <OwnerName org={r.orgId} onMember={(id) => (member.current = id)} />,
          },
          note: { label: { zh: '说明', en: 'Note' } },
          result: { label: { zh: '办理结果', en: 'Result' } },
          rating: {
            label: { zh: '群众评价', en: 'Rating' },
            render: () => <Radio.Group options={opts(SATISFACTION)} />,
          },
        }}
        run={(move, input) => {
          const body = move === 'assign' && member.current ? { ...input, ownerMemberId: member.current } : input;
          member.current = null;
          return api.post<RequestDetail>(`/api/requests/${r.id}/${move}`, body);
        }}
        onDone={(_move, next) => done(next)}
      />
      {actions?.includes('transfer') ? (
        <Button onClick={() => setTransferring(true)} data-testid="action-transfer">
          {t('转办', 'Transfer')}
        </Button>
      ) : null}
      {transferring ? (
        <TransferModal
          r={r}
          onClose={() => setTransferring(false)}
          onDone={(next) => {
            setTransferring(false);
            done(next);
          }}
        />
      ) : null}
    </>
  );
}

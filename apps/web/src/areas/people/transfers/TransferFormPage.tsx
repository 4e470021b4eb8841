/**
 * Apply for a transfer (`/transfers/new`): a member of the caller's subtree, to an organization of the county
 * (picked by name, whichever township) or to a unit outside the platform (its name and address).
 */
import { Form, Input, Radio, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { MemberPicker, SearchPicker } from '../../../components/form/SearchPicker';
import type { TransferDetail } from './transferModel';

interface Values {
  memberId: number;
  where: 'inside' | 'outside';
  toOrgId?: number | null;
  toOrgName?: string;
  toAddress?: string;
  reason?: string;
  duesPaidTo?: string;
}

/** The application form. */
export default function TransferFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const where = Form.useWatch('where', form) ?? 'inside';
  usePageCrumb(t('申请转出', 'Apply for a transfer'));
  const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return (
    <EntityForm<Values, TransferDetail>
      title={t('申请组织关系转出', 'Apply for a transfer of membership')}
      intro={
        <p className="dj-muted">
          {t(
            '提交后由上级党委审批并开具介绍信（有效期最长三个月）；转入方接收前，党员仍计入本组织。',
            'The higher committee approves and issues the letter (valid up to three months); ' +
              'until it is received the member counts here.',
          )}
        </p>
      }
      form={form}
      initialValues={{ where: 'inside' }}
      onSubmit={(v) =>
        api.post<TransferDetail>('/api/transfers', {
          memberId: v.memberId,
          ...(v.where === 'inside'
            ? { toOrgId: v.toOrgId }
            : { toOrgName: text(v.toOrgName), toAddress: text(v.toAddress) }),
          reason: text(v.reason),
          duesPaidTo: text(v.duesPaidTo),
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['transfers'] });
        navigate(`/transfers/${r.id}`);
      }}
      fieldOfCode={{
        'transfers.member_pending': 'memberId',
        'transfers.same_org': 'toOrgId',
        'transfers.target_required': 'toOrgId',
        'transfers.target_not_branch': 'toOrgId',
        'transfers.invalid_dues_month': 'duesPaidTo',
      }}
      submitLabel={t('提交申请', 'Apply')}
      submitTestId="save-transfer"
    >
      <Row gutter={16}>
        <Field col="half" label={t('党员', 'Member')} name="memberId" required={t('请选择党员', 'Choose the member')}>
          <MemberPicker />
        </Field>
        <Field col="half" label={t('转往', 'To')} name="where">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'inside', label: t('本县党组织', 'An organization of the county') },
              { value: 'outside', label: t('系统外单位', 'A unit outside') },
            ]}
          />
        </Field>
        {where === 'inside' ? (
          <Field
            col="full"
            label={t('转入党组织', 'Receiving organization')}
            name="toOrgId"
            required={t('请选择转入党组织', 'Choose the receiving organization')}
          >
            <SearchPicker<{ id: number; name: string }>
              path="/api/transfers/targets"
              queryKey="transfer-targets"
              label={(o) => o.name}
              placeholder={t('输入名称查找全县党组织', 'Type a name to find an organization of the county')}
              notFound={() => t('没有匹配的党组织', 'No matching organization')}
              ready={() => true}
            />
          </Field>
        ) : (
          <>
            <Field col="half" label={t('接收单位', 'Receiving unit')} name="toOrgName" required whitespace max={80}>
              <Input data-testid="to-org-name" />
            </Field>
            <Field col="half" label={t('接收单位地址', 'Its address')} name="toAddress" max={120}>
              <Input />
            </Field>
          </>
        )}
        <Field col="half" label={t('转接原因', 'Reason')} name="reason" max={500}>
          <Input placeholder={t('如：工作调动、外出务工、升学', 'E.g. a new job, work away, study')} />
        </Field>
        <Field
          col="half"
          label={t('党费交至（年-月）', 'Dues paid to (YYYY-MM)')}
          name="duesPaidTo"
          rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式如 2026-05', 'Like 2026-05') }]}
        >
          <Input placeholder="2026-05" data-testid="dues-paid-to" />
        </Field>
      </Row>
    </EntityForm>
  );
}

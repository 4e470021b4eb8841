/**
 * 录入加减分 (`/points/new`): a manual entry of a member — its kind, points (a deduction is negative), the day,
 * what for and the evidence (required: without evidence the server refuses). It then waits for the branch's and
 * the township's approval before it counts.
 */
import { Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { chinaToday, MANUAL_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import type { PointDetail } from './pointModel';

interface Values {
  memberId: number | null;
  kind: keyof typeof MANUAL_KINDS;
  points: number;
  occurredOn: string;
  note: string;
  evidence: string;
}

/** The form page. */
export default function PointFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  usePageCrumb(t('录入加减分', 'Record a manual entry'));
  return (
    <EntityForm<Values, PointDetail>
      title={t('录入加减分', 'Record a manual entry')}
      intro={
        <p className="dj-muted">
          {t(
            '加减分须附佐证材料，经支部和乡镇（街道）党委审核后计入积分。不得以登录、点击、浏览、点赞、转发、学习时长等计分。',
            'A manual entry needs its evidence and counts once the branch and the township approve it. ' +
              'Nothing is scored by log-ins, clicks, views, likes, shares or study time.',
          )}
        </p>
      }
      form={form}
      initialValues={{ kind: 'volunteer', points: 2, occurredOn: chinaToday() }}
      onSubmit={(v) =>
        api.post<PointDetail>('/api/points', {
          memberId: v.memberId,
          kind: v.kind,
          points: v.points,
          occurredOn: v.occurredOn,
          note: v.note.trim(),
          evidence: v.evidence?.trim() ?? '',
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['/api/points'] });
        navigate(`/points/${r.id}`);
      }}
      fieldOfCode={{
        'points.evidence_required': 'evidence',
        'points.too_many': 'points',
        'points.zero': 'points',
        'points.not_member': 'memberId',
        'points.month_published': 'occurredOn',
        'points.month_future': 'occurredOn',
      }}
      submitTestId="save-point"
    >
      <Row gutter={16}>
        <Field col="half" label={t('党员', 'Member')} name="memberId" required={t('请选择党员', 'Choose a member')}>
          <MemberPicker placeholder={t('输入姓名查找', 'Type a name')} data-testid="point-member" />
        </Field>
        <Field col="half" label={t('类别', 'Kind')} name="kind" required>
          <Select options={opts(MANUAL_KINDS)} data-testid="point-kind" />
        </Field>
        <Field
          col="third"
          label={kind === 'deduction' ? t('扣减分值', 'Points deducted') : t('分值', 'Points')}
          name="points"
          required
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="point-points" />
        </Field>
        <Field col="third" label={t('发生日期', 'Occurred on')} name="occurredOn" required>
          <DateField maxToday />
        </Field>
        <Field col="full" label={t('事由', 'What for')} name="note" required whitespace max={200}>
          <Input count={{ show: true, max: 200 }} data-testid="point-note" />
        </Field>
        <Field
          col="full"
          label={t('佐证材料', 'Evidence')}
          name="evidence"
          required={t('请填写佐证材料（如签到表、证明文件、照片说明）', 'Describe the evidence')}
          whitespace
          max={1000}
        >
          <Input.TextArea rows={4} count={{ show: true, max: 1000 }} data-testid="point-evidence" />
        </Field>
      </Row>
    </EntityForm>
  );
}

/**
 * The township or county suspends a village cadre for retraining (`/retraining/new`): the cadre (a member of a
 * village or community organization), the post, the reasons (as data, several may apply) and the evidence.
 */
import { Checkbox, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { CADRE_POSTS, RETRAINING_RULE_DEFAULTS, SUSPENSION_REASONS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import type { RetrainingDetail } from './retrainingModel';

interface Values {
  memberId: number;
  post: string;
  postText?: string;
  reasons: string[];
  reasonText?: string;
  evidence: string;
  suspendedOn?: string;
}

/** The suspension form. */
export default function RetrainingFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageCrumb(t('停职整训村干部', 'Suspend a cadre'));
  const months = RETRAINING_RULE_DEFAULTS.periodMonths;
  return (
    <EntityForm<Values, RetrainingDetail>
      title={t('停职整训村干部', 'Suspend a village cadre for retraining')}
      intro={
        <p className="dj-muted">
          {t(
            `对评定为不称职的村（社区）干部停职，集中整训（一般 ${months} 个月），整训结束前测试；测试成绩和日常表现作为能否复职的依据，达不到复职条件的予以组织调整或劝退。`,
            `A cadre rated incompetent is suspended and retrained (usually ${months} months), then tested; ` +
              'the test and conduct decide the reinstatement, otherwise the cadre is removed.',
          )}
        </p>
      }
      initialValues={{ reasons: [] }}
      onSubmit={(v) =>
        api.post<RetrainingDetail>('/api/retraining', {
          memberId: v.memberId,
          post: v.post,
          postText: v.postText?.trim() || null,
          reasons: v.reasons,
          reasonText: v.reasonText?.trim() || null,
          evidence: v.evidence.trim(),
          suspendedOn: v.suspendedOn || undefined,
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['retraining'] });
        navigate(`/retraining/${r.id}`);
      }}
      fieldOfCode={{
        'retraining.already_open': 'memberId',
        'retraining.not_village': 'memberId',
        'retraining.reason_required': 'reasons',
        'retraining.date_range': 'suspendedOn',
      }}
      submitLabel={t('停职整训', 'Suspend')}
      submitTestId="save-retraining"
    >
      <Row gutter={16}>
        <Field col="half" label={t('村干部', 'Cadre')} name="memberId" required={t('请选择干部', 'Choose the cadre')}>
          <MemberPicker />
        </Field>
        <Field col="half" label={t('停职日期', 'Suspended on')} name="suspendedOn">
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('职务', 'Post')} name="post" required={t('请选择职务', 'Choose the post')}>
          <Select options={opts(CADRE_POSTS)} data-testid="retraining-post" />
        </Field>
        <Field col="half" label={t('职务说明', 'Post in words')} name="postText" max={40}>
          <Input placeholder={t('选择“其他村干部”时填写', 'When the post is “Other”')} />
        </Field>
        <Field
          col="full"
          label={t('停职原因', 'Reasons')}
          name="reasons"
          rules={[{ type: 'array', min: 1, message: t('请至少选择一项原因', 'Choose at least one reason') }]}
        >
          <Checkbox.Group options={opts(SUSPENSION_REASONS)} data-testid="retraining-reasons" />
        </Field>
        <Field col="full" label={t('具体表现', 'In words')} name="reasonText" max={500}>
          <Input.TextArea rows={2} />
        </Field>
        <Field col="full" label={t('事实依据', 'Evidence')} name="evidence" required whitespace max={2000}>
          <Input.TextArea
            rows={3}
            placeholder={t('如：年度考核结果、群众满意度测评、督查通报', 'E.g. the annual assessment, a survey')}
            data-testid="retraining-evidence"
          />
        </Field>
      </Row>
    </EntityForm>
  );
}

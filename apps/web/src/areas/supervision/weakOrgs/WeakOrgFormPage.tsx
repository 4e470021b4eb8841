/**
 * The county flags an organization (`/weak-orgs/new`): a village or branch of its county, the reasons (as data,
 * several may apply, “other” with words), the county leader assigned (包抓) and whether it is listed (挂牌督战).
 * Never by quota: one file per organization, for its reasons.
 */
import { Checkbox, Input, Row, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { WEAK_ORG_REASONS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField } from '../../../components/form/OrgField';
import type { WeakOrgDetail } from './weakOrgModel';

interface Values {
  orgId: number;
  flaggedOn?: string;
  reasons: string[];
  reasonText?: string;
  leaderName: string;
  leaderPost: string;
  listed?: boolean;
}

/** The flagging form. */
export default function WeakOrgFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageCrumb(t('确定软弱涣散党组织', 'Flag an organization'));
  return (
    <EntityForm<Values, WeakOrgDetail>
      title={t('确定软弱涣散党组织', 'Flag a weak and lax organization')}
      intro={
        <p className="dj-muted">
          {t(
            '由县委按实际问题逐个确定，不搞比例、不定指标；确定后由乡镇制定整顿方案，每月全面体检，验收达标后销号。',
            'The county names each organization for its problems, never by quota; the township writes the plan, ' +
              'check-ups follow monthly, and the file is released once an acceptance passes.',
          )}
        </p>
      }
      initialValues={{ reasons: [], listed: false }}
      onSubmit={(v) =>
        api.post<WeakOrgDetail>('/api/weak-orgs', {
          orgId: v.orgId,
          flaggedOn: v.flaggedOn || undefined,
          reasons: v.reasons,
          reasonText: v.reasonText?.trim() || null,
          leaderName: v.leaderName.trim(),
          leaderPost: v.leaderPost.trim(),
          listed: Boolean(v.listed),
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['weak-orgs'] });
        navigate(`/weak-orgs/${r.id}`);
      }}
      fieldOfCode={{
        'weakOrgs.already_open': 'orgId',
        'weakOrgs.not_grassroots': 'orgId',
        'weakOrgs.reason_required': 'reasons',
        'weakOrgs.other_needs_text': 'reasonText',
        'weakOrgs.acceptance_date': 'flaggedOn',
      }}
      submitLabel={t('确定', 'Flag')}
      submitTestId="save-weak-org"
    >
      <Row gutter={16}>
        <OrgField col="half" label={t('党组织', 'Organization')} required={t('请选择党组织', 'Choose one')} />
        <Field col="half" label={t('确定日期', 'Flagged on')} name="flaggedOn">
          <DateField maxToday />
        </Field>
        <Field
          col="full"
          label={t('软弱涣散原因', 'Reasons')}
          name="reasons"
          rules={[{ type: 'array', min: 1, message: t('请至少选择一项原因', 'Choose at least one reason') }]}
        >
          <Checkbox.Group options={opts(WEAK_ORG_REASONS)} data-testid="weak-reasons" />
        </Field>
        <Field col="full" label={t('具体表现', 'In words')} name="reasonText" max={500}>
          <Input.TextArea rows={3} data-testid="weak-reason-text" />
        </Field>
        <Field col="half" label={t('包抓领导', 'Leader assigned')} name="leaderName" required whitespace max={40}>
          <Input data-testid="weak-leader-name" />
        </Field>
        <Field col="half" label={t('包抓领导职务', "Leader's post")} name="leaderPost" required whitespace max={60}>
          <Input
            placeholder={t('如：县委常委、组织部部长', 'E.g. standing committee member')}
            data-testid="weak-leader-post"
          />
        </Field>
        <Field col="half" label={t('挂牌督战', 'Listed for supervision')} name="listed" valuePropName="checked">
          <Switch />
        </Field>
      </Row>
    </EntityForm>
  );
}

/**
 * An organizer announces a selection (`/selections/new`): title, kind, year, places, categories, rules, the
 * nomination and voting windows, each organization's quota, the choices a ballot may hold and the days of 公示.
 */
import { Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SELECTION_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import type { SelectionDetail } from './selectionModel';

interface Values {
  year: number;
  title: string;
  kind: string;
  places: number;
  categories?: string[];
  rules?: string;
  nominateFrom: string;
  nominateTo: string;
  voteFrom: string;
  voteTo: string;
  quotaPerOrg: number;
  maxChoices: number;
  publicizeDays?: number;
}

/** The selection form. */
export default function SelectionFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageCrumb(t('发布评选', 'Announce a selection'));
  return (
    <EntityForm<Values, SelectionDetail>
      title={t('发布评选表彰', 'Announce a selection')}
      intro={
        <p className="dj-muted">
          {t(
            '下级组织在推荐期内按名额推荐，审核通过的人选进入投票；每个账号只能投一次票，计票结果仅组织单位可见；当选人经公示后公布。',
            'Organizations below nominate within their quota; accepted candidates go to the vote, one ballot per ' +
              'account, the count seen by the organizer only; the winners are publicized, then published.',
          )}
        </p>
      }
      initialValues={{
        year: new Date().getFullYear(),
        kind: 'members',
        places: 10,
        quotaPerOrg: 2,
        maxChoices: 10,
        publicizeDays: 5,
      }}
      onSubmit={(v) =>
        api.post<SelectionDetail>('/api/selections', { ...v, title: v.title.trim(), rules: v.rules?.trim() || null })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['selections'] });
        navigate(`/selections/${r.id}`);
      }}
      fieldOfCode={{ 'selections.not_committee': 'title' }}
      submitLabel={t('发布', 'Announce')}
      submitTestId="save-selection"
    >
      <Row gutter={16}>
        <Field col="full" label={t('评选名称', 'Title')} name="title" required whitespace max={100}>
          <Input data-testid="selection-title" />
        </Field>
        <Field col="third" label={t('评选类型', 'Kind')} name="kind" required>
          <Select options={opts(SELECTION_KINDS)} />
        </Field>
        <Field col="third" label={t('评选年度', 'Year')} name="year" required>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Field>
        <Field col="third" label={t('评选名额', 'Places')} name="places" required>
          <InputNumber min={1} max={500} style={{ width: '100%' }} data-testid="selection-places" />
        </Field>
        <Field col="full" label={t('评选类别', 'Categories')} name="categories">
          <Select mode="tags" placeholder={t('可不填；如：十杰村党组织书记、百优共产党员', 'Optional')} />
        </Field>
        <Field col="full" label={t('评选办法', 'Rules')} name="rules" max={4000}>
          <Input.TextArea rows={3} />
        </Field>
        <Field col="quarter" label={t('推荐开始日期', 'Nominations open')} name="nominateFrom" required>
          <DateField />
        </Field>
        <Field col="quarter" label={t('推荐截止日期', 'Nominations close')} name="nominateTo" required>
          <DateField />
        </Field>
        <Field col="quarter" label={t('投票开始日期', 'Voting opens')} name="voteFrom" required>
          <DateField />
        </Field>
        <Field col="quarter" label={t('投票截止日期', 'Voting closes')} name="voteTo" required>
          <DateField />
        </Field>
        <Field col="third" label={t('每个组织推荐名额', 'Quota per organization')} name="quotaPerOrg" required>
          <InputNumber min={1} max={50} style={{ width: '100%' }} />
        </Field>
        <Field col="third" label={t('每票最多可选人数', 'Choices per ballot')} name="maxChoices" required>
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Field>
        <Field col="third" label={t('公示天数', 'Days publicized')} name="publicizeDays">
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Field>
      </Row>
    </EntityForm>
  );
}

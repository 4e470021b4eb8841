/**
 * The dialogs that start a filing or a review: the township files a new party secretary with the county (备案),
 * or puts a candidate to the joint review of the units (联审). Both pick a person of the committees.
 */
import { useState } from 'react';
import { Checkbox, Form, Input, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  CADRE_COMMITTEES,
  type CadreCommittee,
  cadrePostLabel,
  chinaToday,
  COMMITTEE_POSTS,
  REVIEW_UNITS,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { type CadreItem, type FilingDetail, latestTerm, type ReviewDetail, termOptions } from './cadreModel';

/** A person of the committees, searched by name (`secretaries`: those holding the party secretary's post). */
function CadrePicker(props: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  secretaries?: boolean;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const only = props.secretaries ? { committee: 'party', post: 'secretary', current: true } : {};
  const found = useQuery({
    queryKey: ['cadres', 'pick', props.secretaries ?? false, q],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<CadreItem>>('/api/cadres', { ...only, q: q || undefined, pageSize: 20 }, signal),
  });
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={(found.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }))}
      loading={found.isFetching}
      placeholder={t('输入姓名查找', 'Type a name')}
      notFoundContent={found.isFetching ? t('查找中…', 'Searching…') : t('没有匹配的人员', 'No one matches')}
      data-testid="cadre-picker"
    />
  );
}

interface Props<R> {
  onSaved: (r: R) => void;
  onClose: () => void;
}

/** 报县备案: the secretary, the term, the day appointed and a note. */
export function FileDialog({ onSaved, onClose }: Props<FilingDetail>) {
  const t = useT();
  return (
    <FormModal<FilingDetail>
      title={t('村党组织书记报县委组织部备案', 'File a new secretary with the county')}
      width={600}
      initialValues={{ term: latestTerm(), appointedOn: chinaToday() }}
      notice={
        <p className="dj-muted">
          {t(
            '新任村（社区）党组织书记由乡镇党委报县委组织部备案，县委组织部确认或退回（注明原因）。',
            'The township files a new secretary; the county acknowledges it or returns it with a reason.',
          )}
        </p>
      }
      onSubmit={(b) => api.post<FilingDetail>('/api/cadres/filings', b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'cadres.not_secretary': 'cadreId', 'cadres.already_filed': 'cadreId' }}
    >
      <Row gutter={16}>
        <Field
          col="full"
          label={t('村（社区）党组织书记', 'Secretary')}
          name="cadreId"
          required={t('请选择书记', 'Choose')}
        >
          <CadrePicker secretaries />
        </Field>
        <Field col="half" label={t('届次', 'Term')} name="term" required>
          <Select options={termOptions(latestTerm()).map((y) => ({ value: y, label: t(`${y}年换届`, `${y} term`) }))} />
        </Field>
        <Field col="half" label={t('任职日期', 'Appointed on')} name="appointedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}

/** 提请联审: the candidate, the term, the proposed post and the units asked (all by default). */
export function ReviewDialog({ onSaved, onClose }: Props<ReviewDetail>) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const committee = (Form.useWatch('committee', form) ?? 'party') as CadreCommittee;
  const posts = COMMITTEE_POSTS[committee].map((p) => {
    const w = cadrePostLabel(committee, p);
    return { value: p, label: t(w.zh, w.en) };
  });
  return (
    <FormModal<ReviewDetail>
      title={t('提请任前联审', 'Open a joint review')}
      form={form}
      width={680}
      initialValues={{ term: latestTerm(), committee: 'party', post: 'secretary', units: Object.keys(REVIEW_UNITS) }}
      onValuesChange={(changed) => {
        if ('committee' in changed) form.setFieldValue('post', undefined);
      }}
      notice={
        <p className="dj-muted">
          {t(
            '人选提名前由纪检、组织、政法、公安等单位联审：一个单位提出问题即不宜提名，全部无异议方可通过。',
            'Before the nomination the units review the candidate: one stop stops, all clear clears.',
          )}
        </p>
      }
      onSubmit={(b) => api.post<ReviewDetail>('/api/cadres/reviews', b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'cadres.review_open': 'cadreId', 'cadres.post_mismatch': 'post' }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('人选', 'Candidate')} name="cadreId" required={t('请选择人选', 'Choose')}>
          <CadrePicker />
        </Field>
        <Field col="half" label={t('届次', 'Term')} name="term" required>
          <Select options={termOptions(latestTerm()).map((y) => ({ value: y, label: t(`${y}年换届`, `${y} term`) }))} />
        </Field>
        <Field col="half" label={t('班子', 'Committee')} name="committee" required>
          <Select options={opts(CADRE_COMMITTEES)} />
        </Field>
        <Field col="half" label={t('拟任职务', 'Proposed post')} name="post" required={t('请选择职务', 'Choose')}>
          <Select options={posts} />
        </Field>
        <Field
          col="full"
          label={t('联审单位', 'Units')}
          name="units"
          rules={[{ type: 'array', min: 1, message: t('请至少选择一个单位', 'Choose at least one unit') }]}
        >
          <Checkbox.Group options={opts(REVIEW_UNITS)} />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}

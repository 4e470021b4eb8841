/** The dialogs of a person's page: a post in a term, and the end of a post with its reason. */
import { Form, Input, Row, Select } from 'antd';
import {
  CADRE_COMMITTEES,
  type CadreCommittee,
  chinaToday,
  COMMITTEE_POSTS,
  cadrePostLabel,
  POST_END_REASONS,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { type CadreDetail, type CadrePost, latestTerm, termOptions } from './cadreModel';

interface DialogProps<P = unknown> {
  cadre: CadreDetail;
  onSaved: () => void;
  onClose: () => void;
  post?: P;
}

/** A post in a term: the committee, the post (of that committee), the term and the day it started. */
export function PostDialog({ cadre, onSaved, onClose }: DialogProps) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const committee = (Form.useWatch('committee', form) ?? 'party') as CadreCommittee;
  const posts = COMMITTEE_POSTS[committee].map((p) => {
    const w = cadrePostLabel(committee, p);
    return { value: p, label: t(w.zh, w.en) };
  });
  return (
    <FormModal
      title={t(`为${cadre.name}添加任职`, `Add a post of ${cadre.name}`)}
      form={form}
      width={600}
      initialValues={{ committee: 'party', term: latestTerm(), startedOn: chinaToday() }}
      onValuesChange={(changed) => {
        if ('committee' in changed) form.setFieldValue('post', undefined);
      }}
      onSubmit={(b) => api.post(`/api/cadres/${cadre.id}/posts`, b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{
        'cadres.post_mismatch': 'post',
        'cadres.post_taken': 'post',
        'cadres.post_duplicate': 'committee',
      }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('班子', 'Committee')} name="committee" required>
          <Select options={opts(CADRE_COMMITTEES)} data-testid="post-committee" />
        </Field>
        <Field col="half" label={t('职务', 'Post')} name="post" required={t('请选择职务', 'Choose the post')}>
          <Select options={posts} data-testid="post-post" />
        </Field>
        <Field col="half" label={t('届次', 'Term')} name="term" required>
          <Select options={termOptions(latestTerm()).map((y) => ({ value: y, label: t(`${y}年换届`, `${y} term`) }))} />
        </Field>
        <Field col="half" label={t('任职日期', 'Started on')} name="startedOn" required>
          <DateField maxToday />
        </Field>
      </Row>
    </FormModal>
  );
}

/** The end of a post: the day, the reason (换届离任, 辞职, 调整, 免职…) and a note. */
export function EndPostDialog({ cadre, post, onSaved, onClose }: DialogProps<CadrePost>) {
  const t = useT();
  const opts = useEnumOptions();
  const w = post ? cadrePostLabel(post.committee, post.post) : null;
  return (
    <FormModal
      title={t(`${cadre.name}离任：${w?.zh ?? ''}`, `${cadre.name} leaves: ${w?.en ?? ''}`)}
      width={600}
      initialValues={{ endedOn: chinaToday(), endReason: 'term_end' }}
      onSubmit={(b) => api.patch(`/api/cadres/${cadre.id}/posts/${post?.id}`, b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'cadres.date_order': 'endedOn', 'cadres.end_reason_required': 'endReason' }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('离任日期', 'Ended on')} name="endedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('离任原因', 'Reason')} name="endReason" required>
          <Select options={opts(POST_END_REASONS)} data-testid="post-end-reason" />
        </Field>
        <Field col="full" label={t('离任说明', 'In words')} name="endNote" max={200}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}

/** The dialogs of a pledge's page: progress with photos, the fulfilment with the problems solved, an evaluation. */
import { useState } from 'react';
import { Input, InputNumber, Radio } from 'antd';
import { PLEDGE_RATINGS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { type PledgeDetail, uploadPhotos } from './pledgeModel';

interface DialogProps {
  pledge: PledgeDetail;
  onSaved: (next: PledgeDetail) => void;
  onClose: () => void;
}

/** A progress entry (践诺进展) with photos of the evidence. */
export function ProgressDialog({ pledge, onSaved, onClose }: DialogProps) {
  const t = useT();
  const [files, setFiles] = useState<File[]>([]);
  return (
    <FormModal<PledgeDetail>
      title={t('记录践诺进展', 'Record progress')}
      onSubmit={async (b) => {
        await uploadPhotos(pledge.id, files);
        return api.post<PledgeDetail>(`/api/pledges/${pledge.id}/progress`, { text: (b.text as string).trim() });
      }}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label={t('进展情况', 'Progress')} name="text" required whitespace max={1000}>
        <Input.TextArea rows={4} data-testid="pledge-progress-text" />
      </Field>
      <label className="dj-muted" htmlFor="pledge-photos">
        {t('照片（JPEG/PNG，可多张）', 'Photos (JPEG/PNG)')}
      </label>
      <input
        id="pledge-photos"
        type="file"
        accept="image/jpeg,image/png"
        multiple
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
        data-testid="pledge-photos"
      />
    </FormModal>
  );
}

/** The fulfilment (践诺情况) with the problems solved through it. */
export function ReportDialog({ pledge, onSaved, onClose }: DialogProps) {
  const t = useT();
  return (
    <FormModal<PledgeDetail>
      title={t('提交践诺情况', 'Report the fulfilment')}
      initialValues={{ problemsSolved: pledge.problemsSolved }}
      onSubmit={(b) =>
        api.post<PledgeDetail>(`/api/pledges/${pledge.id}/report`, {
          fulfilment: (b.fulfilment as string).trim(),
          problemsSolved: (b.problemsSolved as number | undefined) ?? 0,
          problemsText: (b.problemsText as string | undefined)?.trim() || null,
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label={t('践诺情况', 'Fulfilment')} name="fulfilment" required whitespace max={2000}>
        <Input.TextArea rows={4} data-testid="pledge-fulfilment" />
      </Field>
      <Field label={t('解决问题数', 'Problems solved')} name="problemsSolved">
        <InputNumber min={0} max={10000} data-testid="pledge-problems" />
      </Field>
      <Field label={t('解决的问题', 'Problems solved, in words')} name="problemsText" max={1000}>
        <Input.TextArea rows={2} />
      </Field>
    </FormModal>
  );
}

/** A member's evaluation (评诺): 满意 / 基本满意 / 不满意 and a comment. */
export function EvaluateDialog({ pledge, onSaved, onClose }: DialogProps) {
  const t = useT();
  const opts = useEnumOptions();
  return (
    <FormModal<PledgeDetail>
      title={t('评诺', 'Evaluate')}
      initialValues={{ rating: 'satisfied' }}
      onSubmit={(b) =>
        api.post<PledgeDetail>(`/api/pledges/${pledge.id}/evaluations`, {
          rating: b.rating,
          comment: (b.comment as string | undefined)?.trim() || null,
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label={t('评价', 'Rating')} name="rating" required>
        <Radio.Group options={opts(PLEDGE_RATINGS)} optionType="button" data-testid="pledge-rating" />
      </Field>
      <Field label={t('评价意见', 'Comment')} name="comment" max={300}>
        <Input.TextArea rows={3} data-testid="pledge-comment" />
      </Field>
    </FormModal>
  );
}

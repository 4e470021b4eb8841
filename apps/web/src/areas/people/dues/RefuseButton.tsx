/** Refusing a back payment: a reason is required, and it is shown to whoever recorded it. */
import { useState } from 'react';
import { Button, Input } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';

/** The "退回" button of a back payment, with its dialog. */
export function RefuseButton({ id, onDone }: { id: number; onDone: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="refuse-payment">
        {t('退回', 'Refuse')}
      </Button>
      {open ? (
        <FormModal
          title={t('退回补交', 'Refuse a back payment')}
          onSubmit={(body) => api.post(`/api/dues/payments/${id}/refuse`, body)}
          onSaved={() => {
            message.success(t('已退回', 'Refused'));
            setOpen(false);
            onDone();
          }}
          onClose={() => setOpen(false)}
        >
          <Field
            name="note"
            label={t('退回原因', 'Reason')}
            required={t('请填写退回原因', 'Give the reason')}
            max={500}
          >
            <Input.TextArea rows={3} />
          </Field>
        </FormModal>
      ) : null}
    </>
  );
}

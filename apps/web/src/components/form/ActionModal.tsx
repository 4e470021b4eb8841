/**
 * ActionModal: a dialog that does one thing (end a pairing, assign a member) with a field or two of its own
 * state. OK runs `run`; an Error it throws (a missing choice, the server's refusal) shows above the content; once it
 * resolves the queries under `refresh` are refreshed, `done` is said and the dialog closes.
 *
 *   <ActionModal title={t('结束结对', 'End pairing')} okText={t('结束', 'End')} onClose={onClose}
 *     refresh={['pairings']} done={t('已结束结对', 'Pairing ended')}
 *     run={() => api.post(`/api/pairings/${id}/end`, { endedOn })}>
 *     <DateField value={endedOn} onChange={setEndedOn} />
 *   </ActionModal>
 */
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../feedback';
import { FormModal } from '../FormModal';

/** The configuration of an action dialog. */
export interface ActionModalProps {
  title: ReactNode;
  okText: ReactNode;
  onClose: () => void;
  run: () => Promise<unknown>;
  refresh?: string[];
  done: string;
  children: ReactNode;
}

/** A dialog doing one action (a FormModal without fields of its own): see the usage at the top of this file. */
export function ActionModal(props: ActionModalProps) {
  const refreshed = useRefreshed();
  return (
    <FormModal
      title={props.title}
      okText={props.okText}
      onClose={props.onClose}
      onSubmit={() => props.run()}
      onSaved={() => {
        refreshed(props.refresh ?? [], props.done);
        props.onClose();
      }}
    >
      {props.children}
    </FormModal>
  );
}

/** After a change: the queries under these keys refreshed and the change said in a message. */
export function useRefreshed() {
  const qc = useQueryClient();
  const { message } = useFeedback();
  return (keys: string[], text: string) => {
    for (const k of keys) qc.invalidateQueries({ queryKey: [k] });
    message.success(text);
  };
}

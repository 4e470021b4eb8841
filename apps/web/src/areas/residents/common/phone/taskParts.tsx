/** Parts of the member's phone tasks (claimed wishes, errands): the note with its error, the unlinked account. */
import type { ComponentProps } from 'react';
import { useT } from '../../../../app/i18n';
import { ProblemCard } from '../../../../app/mobile/parts';
import { NoteField, PhoneError } from '../../../../components/PhoneParts';

/** The task's note field with the error of the last try above it. */
export function TaskNote({ error, ...note }: ComponentProps<typeof NoteField> & { error: string | null }) {
  return (
    <>
      <PhoneError error={error} />
      <NoteField {...note} />
    </>
  );
}

/** The task list's failure: no member record linked to the account, or the error itself. */
export function TaskProblem({ error }: { error: unknown }) {
  const t = useT();
  return (
    <ProblemCard error={error} empty={t('您的账号未关联党员档案', 'Your account is not linked to a member record')} />
  );
}

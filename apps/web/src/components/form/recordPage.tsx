/**
 * The frame of a record's form page (`/things/new`, `/things/:id/edit`): the record being edited loaded into the
 * form, the page shown while it loads or fails, and what follows a save (a message, the lists refreshed, the
 * record's page).
 *
 *   const { editing, record, gate } = useEditedRecord<Thing>('thing', '/api/things', form, (r) => ({ name: r.name }));
 *   const afterSave = useAfterSave();
 *   if (gate) return gate;
 *   … onSaved={(r) => afterSave(['things', 'thing'], `/things/${r.id}`, t('已保存', 'Saved'))}
 */
import { type ReactNode, useEffect } from 'react';
import { Card, type FormInstance, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorResult } from '../States';
import { useFeedback } from '../feedback';

/** A card with a skeleton: a record still loading. */
export function LoadingCard() {
  return (
    <Card>
      <Skeleton active />
    </Card>
  );
}

/**
 * The record of the `:id` route parameter at `<path>/<id>` (query key [key, id]); once loaded, `toValues` fills the
 * form. `gate` is what the page shows instead of the form while it loads or when it fails; null when new or loaded.
 */
export function useEditedRecord<T, V = unknown>(
  key: string,
  path: string,
  form: FormInstance<V>,
  toValues: (record: T) => Partial<V>,
) {
  const { id } = useParams();
  const editing = id ? Number(id) : null;
  const query = useQuery({
    queryKey: [key, editing],
    queryFn: ({ signal }) => api.get<T>(`${path}/${editing}`, undefined, signal),
    enabled: !!editing,
  });
  useEffect(() => {
    if (query.data) form.setFieldsValue(toValues(query.data) as Parameters<typeof form.setFieldsValue>[0]);
    // toValues is a new function on every render; the record is what changes.
  }, [query.data, form]);
  let gate: ReactNode = null;
  if (editing && query.isPending) gate = <LoadingCard />;
  else if (editing && query.error) gate = <ErrorResult error={query.error} />;
  return { editing, record: query.data, query, gate };
}

/**
 * What follows a save: the message (when given), the queries under these keys refreshed, then the page `to`
 * (`replace`: in place of the form in the history, as after an edit).
 */
export function useAfterSave() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = useFeedback();
  return (keys: string[], to: string, text?: string, replace = false) => {
    if (text) message.success(text);
    for (const k of keys) qc.invalidateQueries({ queryKey: [k] });
    navigate(to, replace ? { replace } : undefined);
  };
}

/**
 * The parts a residents' record page shares (requests, wishes): the query of the record with what a change
 * refreshes, the loading and error gate, and the delete (to the recycle bin) / restore button.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';

/** The record at `/api/<kind>/<id>` under the query key [key, id]; `changed` refreshes it, its list and the figures. */
export function useRecordDetail<T>(key: string, listKey: string, id: number) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: [key, id],
    queryFn: ({ signal }) => api.get<T>(`/api/${listKey}/${id}`, undefined, signal),
  });
  function changed() {
    qc.invalidateQueries({ queryKey: [listKey] });
    qc.invalidateQueries({ queryKey: ['service-stats'] });
    void q.refetch();
  }
  return { q, changed, qc };
}

/** The skeleton while the record loads, the error with a retry when it fails; null once it is there. */
export function detailGate<T>(q: UseQueryResult<T>): ReactNode {
  if (q.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return null;
}

/** Delete (with a confirmation; it can be restored) or, once deleted, restore; shown to writers only. */
export function DeleteRestoreButton({
  path,
  deleted,
  confirm,
  description,
  testIds,
  onChanged,
  capability = 'residents.write',
}: {
  /** The record's path, `/api/requests/3`. */
  path: string;
  deleted: boolean;
  confirm: string;
  description?: string;
  testIds?: { delete: string; restore: string };
  onChanged: () => void;
  /** The capability that lets its holder delete and restore this kind of record. */
  capability?: string;
}) {
  const t = useT();
  const { message } = useFeedback();
  const { data: me } = useMe();
  if (!hasCap(me, capability)) return null;
  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  if (deleted)
    return (
      <Button
        icon={<UndoOutlined />}
        onClick={() => act(() => api.post(`${path}/restore`), t('已恢复', 'Restored'))}
        data-testid={testIds?.restore}
      >
        {t('恢复', 'Restore')}
      </Button>
    );
  return (
    <ConfirmDelete
      title={confirm}
      description={description}
      onConfirm={() => act(() => api.del(path), t('已移入回收站', 'Moved to the recycle bin'))}
      testId={testIds?.delete}
    />
  );
}

/** The head of a record's card: the title with its tags, the moves to the right, and the deleted note under. */
export function DetailHead({
  title,
  testId,
  tags,
  actions,
  deletedNote,
}: {
  title: ReactNode;
  testId: string;
  tags: ReactNode;
  actions: ReactNode;
  /** Said when the record is deleted. */
  deletedNote?: string | null;
}) {
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', marginBottom: 16 }}>
        <div style={{ flex: '1 1 360px' }}>
          <h1 style={{ fontSize: 20, margin: '0 0 6px' }} data-testid={testId}>
            {title}
          </h1>
          <Space wrap size={8}>
            {tags}
          </Space>
        </div>
        <Space wrap>{actions}</Space>
      </div>
      {deletedNote ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={deletedNote} /> : null}
    </>
  );
}

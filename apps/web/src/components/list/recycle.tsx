/** Soft delete with undo, restore, and the row buttons of a list page's recycle bin. */
import type { ReactNode } from 'react';
import { Button, Popconfirm, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT } from '../../app/i18n';
import { useFeedback } from '../feedback';

/** How a list deletes to and restores from the recycle bin. */
export interface RecycleConfig<T> {
  /** The capability that may delete and restore (e.g. `members.write`). */
  capability: string;
  /** The name of a row in messages and button labels (e.g. the member's name). */
  name: (row: T) => string;
  /** More query keys to refresh after a change (the list's own key always is). */
  invalidate?: string[];
  /** The heading of the recycle bin (default: 回收站). */
  title?: string;
  /** The label of the way back to the list (default: 返回列表). */
  back?: string;
  /** Offer "delete selected" / "restore selected" on checked rows. */
  bulk?: boolean;
}

/** Delete (with an undo in the toast) and restore of rows under `${endpoint}/:id`. */
export function useRecycle<T extends { id: number }>(endpoint: string, queryKey: string, cfg?: RecycleConfig<T>) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const refresh = () => {
    for (const k of [queryKey, ...(cfg?.invalidate ?? [])]) qc.invalidateQueries({ queryKey: [k] });
  };
  const nameOf = (row: T) => cfg?.name(row) ?? t('该记录', 'this record');
  async function restore(row: T, quiet = false) {
    try {
      await api.post(`${endpoint}/${row.id}/restore`);
      refresh();
      if (!quiet) message.success(t(`已恢复「${nameOf(row)}」`, `"${nameOf(row)}" restored`));
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  }
  async function remove(row: T, quiet = false) {
    try {
      await api.del(`${endpoint}/${row.id}`);
      refresh();
      if (!quiet)
        message.success({
          content: (
            <span>
              {t(`已将「${nameOf(row)}」移入回收站`, `"${nameOf(row)}" moved to the recycle bin`)}{' '}
              <Button type="link" size="small" onClick={() => restore(row)}>
                {t('撤销', 'Undo')}
              </Button>
            </span>
          ),
          duration: 8,
        });
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  }
  return { remove, restore, refresh, nameOf };
}

/** The restore button of a row in the recycle bin. */
export function RestoreButton({ onRestore }: { onRestore: () => void }) {
  const t = useT();
  return (
    <Button size="small" icon={<UndoOutlined />} onClick={(e) => (e.stopPropagation(), onRestore())}>
      {t('恢复', 'Restore')}
    </Button>
  );
}

/** The delete button of a row, behind a confirmation that says the row can be restored. */
export function DeleteButton({ name, onDelete }: { name: string; onDelete: () => void }): ReactNode {
  const t = useT();
  return (
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Popconfirm
        title={t(`删除「${name}」？`, `Delete "${name}"?`)}
        description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
        okText={t('删除', 'Delete')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button
          size="small"
          type="text"
          danger
          aria-label={t(`删除 ${name}`, `Delete ${name}`)}
          icon={<DeleteOutlined />}
        />
      </Popconfirm>
    </span>
  );
}

/** The edit button of a row (an icon with a tooltip and an accessible name). */
export function EditButton({ name, onEdit }: { name: string; onEdit: () => void }) {
  const t = useT();
  return (
    <Tooltip title={t('编辑', 'Edit')}>
      <Button
        size="small"
        type="text"
        aria-label={t(`编辑 ${name}`, `Edit ${name}`)}
        icon={<EditOutlined />}
        onClick={(e) => (e.stopPropagation(), onEdit())}
      />
    </Tooltip>
  );
}

/**
 * Pieces the supervision pages share (problems, inspections, accountability): the delete/restore
 * button of a record for those with the module's write capability, and a photo strip.
 */
import { Button, Image, Space } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';

/** Delete (it can be restored) or, once deleted, restore a record; shown to those holding `capability`. */
export function RecycleButton({
  path,
  capability,
  deleted,
  confirm,
  onChanged,
}: {
  /** The record's path on the API, `/api/problems/3`. */
  path: string;
  capability: string;
  deleted: boolean;
  confirm: string;
  onChanged: () => void;
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
        data-testid="restore"
      >
        {t('恢复', 'Restore')}
      </Button>
    );
  return (
    <ConfirmDelete
      title={confirm}
      description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
      onConfirm={() => act(() => api.del(path), t('已移入回收站', 'Moved to the recycle bin'))}
      testId="delete"
    />
  );
}

/** Photos as thumbnails that open large; a line in words when there are none. */
export function PhotoStrip({
  photos,
  alt,
  empty,
}: {
  photos: readonly { id: number; url: string }[];
  alt: string;
  /** The line when there is none (没有照片 unless said). */
  empty?: string;
}) {
  const t = useT();
  if (!photos.length) return <span className="dj-muted">{empty ?? t('没有照片', 'No photos')}</span>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid="photos">
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.url}
            width={96}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={`${alt} ${i + 1}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** The photos of a meeting record: upload (multipart with the CSRF header), thumbnails, preview, remove. */
import { useState } from 'react';
import { Card, Modal, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, messageOf, readCookie } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import type { Meeting } from './model';

const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const PHOTOS_PER_MEETING = 12;

/** Photos: upload (multipart with the CSRF header), thumbnails, preview, remove. */
export function PhotosCard({
  meeting,
  canWrite,
  onChanged,
}: {
  meeting: Meeting;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message, modal } = useFeedback();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const editable = canWrite && !meeting.deletedAt;
  const files: UploadFile[] = [
    ...meeting.photos.map((p, i) => ({
      uid: String(p.id),
      name: t(`会议照片 ${i + 1}`, `Photo ${i + 1}`),
      status: 'done' as const,
      url: p.url,
      thumbUrl: p.url,
    })),
    ...uploading,
  ];

  return (
    <Card
      title={t(`会议照片（${meeting.photos.length}）`, `Photos (${meeting.photos.length})`)}
      data-testid="photos-card"
    >
      <Upload
        className="mt-photos"
        listType="picture-card"
        accept="image/jpeg,image/png"
        name="file"
        action={`/api/meetings/${meeting.id}/photos`}
        headers={{ 'x-csrf-token': readCookie('dj_csrf') ?? '', 'Accept-Language': locale, Accept: 'application/json' }}
        withCredentials
        multiple
        fileList={files}
        showUploadList={{ showRemoveIcon: editable, showPreviewIcon: true }}
        disabled={!editable}
        beforeUpload={(file) => {
          if (!['image/jpeg', 'image/png'].includes(file.type)) {
            message.error(t(`「${file.name}」不是 JPEG 或 PNG 图片`, `"${file.name}" is not a JPEG or PNG image`));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PHOTO_MAX_BYTES) {
            message.error(t(`「${file.name}」超过 8 MB`, `"${file.name}" is larger than 8 MB`));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        onChange={({ file }) => {
          if (file.status === 'uploading') setUploading((prev) => [...prev.filter((f) => f.uid !== file.uid), file]);
          else if (file.status === 'done') {
            setUploading((prev) => prev.filter((f) => f.uid !== file.uid));
            onChanged();
          } else if (file.status === 'error') {
            setUploading((prev) => prev.filter((f) => f.uid !== file.uid));
            const code = (file.response as { error?: { code?: string; message?: string } } | undefined)?.error;
            message.error(
              t(`「${file.name}」上传失败：`, `"${file.name}" failed: `) +
                (code?.code ? messageOf(code.code, code.message) : t('网络错误', 'network error')),
            );
          }
        }}
        onPreview={(f) => setPreview(f.url ?? null)}
        onRemove={(f) =>
          new Promise<boolean>((resolve) => {
            if (!meeting.photos.some((p) => String(p.id) === f.uid)) return resolve(true);
            modal.confirm({
              title: t('删除这张照片？', 'Remove this photo?'),
              okText: t('删除', 'Remove'),
              cancelText: t('取消', 'Cancel'),
              okButtonProps: { danger: true },
              onOk: async () => {
                try {
                  await api.del(`/api/meetings/${meeting.id}/photos/${f.uid}`);
                  onChanged();
                } catch (e) {
                  message.error((e as Error).message);
                }
                resolve(false);
              },
              onCancel: () => resolve(false),
            });
          })
        }
      >
        {editable && files.length < PHOTOS_PER_MEETING ? (
          <button
            type="button"
            style={{ border: 0, background: 'none', cursor: 'pointer' }}
            aria-label={t('上传照片', 'Upload photos')}
          >
            <PlusOutlined aria-hidden />
            <div style={{ marginTop: 8 }}>{t('上传照片', 'Upload')}</div>
          </button>
        ) : null}
      </Upload>
      {meeting.photos.length === 0 && !editable ? <p className="dj-empty">{t('没有照片', 'No photos')}</p> : null}
      <p className="dj-muted" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {t(
          'JPEG 或 PNG，每张不超过 8 MB，最多 12 张；上传时自动去除位置等拍摄信息。',
          'JPEG or PNG, up to 8 MB each, 12 at most; location and camera data are removed on upload.',
        )}
      </p>
      <Modal open={!!preview} footer={null} onCancel={() => setPreview(null)} title={t('照片', 'Photo')} width={820}>
        {preview ? <img src={preview} alt={t('会议照片', 'Meeting photo')} style={{ width: '100%' }} /> : null}
      </Modal>
    </Card>
  );
}

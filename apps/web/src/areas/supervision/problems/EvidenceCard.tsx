/**
 * The evidence photos of a problem (整改佐证): what was found and what the fix looks like. Uploaded as multipart
 * with the CSRF header while the problem is open (the server strips the camera's location), shown as thumbnails.
 */
import { useState } from 'react';
import { Button, Card, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { messageOf, readCookie } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { PhotoStrip } from './parts';

const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** The evidence card of a problem. */
export function EvidenceCard({
  problemId,
  photos,
  canWrite,
  onChanged,
}: {
  problemId: number;
  photos: readonly { id: number; url: string }[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  return (
    <Card title={t(`整改佐证照片（${photos.length}）`, `Evidence photos (${photos.length})`)} data-testid="evidence">
      <PhotoStrip photos={photos} alt={t('佐证照片', 'Evidence photo')} />
      {canWrite ? (
        <div style={{ marginTop: 12 }}>
          <Upload
            accept="image/jpeg,image/png"
            name="file"
            action={`/api/problems/${problemId}/photos`}
            headers={{
              'x-csrf-token': readCookie('dj_csrf') ?? '',
              'Accept-Language': locale,
              Accept: 'application/json',
            }}
            withCredentials
            multiple
            fileList={uploading}
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
              if (file.status === 'uploading') setUploading((p) => [...p.filter((f) => f.uid !== file.uid), file]);
              else {
                setUploading((p) => p.filter((f) => f.uid !== file.uid));
                if (file.status === 'done') onChanged();
                if (file.status === 'error') {
                  const err = (file.response as { error?: { code?: string; message?: string } } | undefined)?.error;
                  message.error(
                    t(`「${file.name}」上传失败：`, `"${file.name}" failed: `) +
                      (err?.code ? messageOf(err.code, err.message) : t('网络错误', 'network error')),
                  );
                }
              }
            }}
          >
            <Button icon={<PlusOutlined />} data-testid="upload-evidence">
              {t('上传照片', 'Upload photos')}
            </Button>
          </Upload>
          <p className="dj-muted" style={{ margin: '8px 0 0', fontSize: 13 }}>
            {t(
              'JPEG 或 PNG，每张不超过 8 MB；上传时自动去除位置等拍摄信息。',
              'JPEG or PNG, up to 8 MB each; location and camera data are removed on upload.',
            )}
          </p>
        </div>
      ) : null}
    </Card>
  );
}

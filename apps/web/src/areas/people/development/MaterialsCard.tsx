/**
 * The scans of a candidate's file (入党材料): each filed under a material of the checklist, uploaded as JPEG or PNG
 * (the server strips EXIF), opened, removed by those who develop members.
 */
import { useState } from 'react';
import { Button, Card, List, Select, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DEVELOPMENT_MATERIALS } from '@dangjian/contracts';
import { api, readCookie } from '../../../api/client';
import { useEnumOptions, useLabel, useLocale, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import type { CandidateDetail } from './candidateModel';

const MAX_BYTES = 8 * 1024 * 1024;

/** The materials' scans of a candidate. */
export function MaterialsCard({
  c,
  canWrite,
  onChanged,
}: {
  c: CandidateDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const [material, setMaterial] = useState<string | undefined>();
  const editable = canWrite && !c.deletedAt;
  return (
    <Card title={t(`入党材料扫描件（${c.files.length}）`, `Scans of the file (${c.files.length})`)}>
      {editable ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('材料', 'Material')}
            placeholder={t('选择材料', 'Choose the material')}
            style={{ width: 220 }}
            value={material}
            onChange={setMaterial}
            options={opts(DEVELOPMENT_MATERIALS)}
          />
          <Upload
            accept="image/jpeg,image/png"
            name="file"
            showUploadList={false}
            disabled={!material}
            action={`/api/development/${c.id}/files?material=${material ?? ''}`}
            headers={{
              'x-csrf-token': readCookie('dj_csrf') ?? '',
              'Accept-Language': locale,
              Accept: 'application/json',
            }}
            withCredentials
            beforeUpload={(file) => {
              if (!['image/jpeg', 'image/png'].includes(file.type) || file.size > MAX_BYTES) {
                message.error(t('请上传 8 MB 以内的 JPEG 或 PNG 图片', 'Upload a JPEG or PNG image of at most 8 MB'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            onChange={(info) => {
              if (info.file.status === 'done') {
                message.success(t('已上传', 'Uploaded'));
                onChanged();
              } else if (info.file.status === 'error') {
                const body = info.file.response as { error?: { message?: string } } | undefined;
                message.error(body?.error?.message ?? t('上传失败', 'Upload failed'));
              }
            }}
          >
            <Button icon={<UploadOutlined />} disabled={!material}>
              {t('上传扫描件', 'Upload a scan')}
            </Button>
          </Upload>
        </Space>
      ) : null}
      <List
        size="small"
        dataSource={c.files}
        locale={{ emptyText: t('尚未上传扫描件', 'No scan uploaded yet') }}
        renderItem={(f) => (
          <List.Item
            actions={
              editable
                ? [
                    <Button
                      key="remove"
                      size="small"
                      danger
                      onClick={async () => {
                        try {
                          await api.del(`/api/development/${c.id}/files/${f.id}`);
                          onChanged();
                        } catch (e) {
                          message.error((e as Error).message);
                        }
                      }}
                    >
                      {t('删除', 'Remove')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <a href={f.url} target="_blank" rel="noopener noreferrer">
              {f.material ? lbl(DEVELOPMENT_MATERIALS, f.material) : t('其他材料', 'Other material')}
            </a>
            <span className="dj-muted"> · {Math.ceil(f.bytes / 1024)} KB</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

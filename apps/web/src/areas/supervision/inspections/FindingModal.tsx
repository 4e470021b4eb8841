/**
 * A finding of a visit recorded on the console: what was found, its category (the problems' categories), how
 * serious, an optional due date, photos (uploaded to the visit first, then attached). Saving opens the problem.
 */
import { useState } from 'react';
import { Form, Input, Row, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_PHOTOS_MAX, INSPECTION_SEVERITIES } from '@dangjian/contracts';
import { api, messageOf, readCookie } from '../../../api/client';
import { useEnumOptions, useLocale, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import { useCategories } from '../problems/problemModel';
import type { VisitItem } from './inspectionModel';

const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** The finding dialog of a visit. */
export function FindingModal({
  inspectionId,
  visit,
  onClose,
  onSaved,
}: {
  inspectionId: number;
  visit: VisitItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const categories = useCategories();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const base = `/api/inspections/${inspectionId}/visits/${visit.id}`;
  const photoIds = files.filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id);
  return (
    <FormModal
      title={t(`记录发现问题：${visit.orgName}`, `A finding at ${visit.orgName}`)}
      form={form}
      width={640}
      initialValues={{ severity: 'minor' }}
      okText={t('保存并转整改', 'Save and open the problem')}
      onSubmit={(v) => api.post(`${base}/findings`, { ...v, text: String(v.text).trim(), photoIds })}
      onSaved={() => {
        message.success(t('已记录，并已转为整改问题', 'Recorded; a problem is opened'));
        onSaved();
      }}
      onClose={onClose}
      fieldOfCode={{
        'inspections.category_unknown': 'category',
        'problems.unknown_category': 'category',
        'problems.due_in_past': 'dueOn',
        'inspections.photo_unknown': 'text',
      }}
    >
      <Field
        label={t('发现的问题', 'What was found')}
        name="text"
        required={t('请描述发现的问题', 'Say what was found')}
        whitespace
        max={1000}
      >
        <Input.TextArea rows={3} data-testid="finding-text" />
      </Field>
      <Row gutter={12}>
        <Field
          col="third"
          label={t('问题类别', 'Category')}
          name="category"
          required={t('请选择问题类别', 'Choose the category')}
        >
          <Select options={categories.options} data-testid="finding-category" />
        </Field>
        <Field col="third" label={t('严重程度', 'Severity')} name="severity" required>
          <Select options={opts(INSPECTION_SEVERITIES)} />
        </Field>
        <Field col="third" label={t('整改期限（可选）', 'Due (optional)')} name="dueOn">
          <DateField />
        </Field>
      </Row>
      <Form.Item label={t(`照片（最多 ${INSPECTION_PHOTOS_MAX} 张）`, `Photos (up to ${INSPECTION_PHOTOS_MAX})`)}>
        <Upload
          listType="picture-card"
          accept="image/jpeg,image/png"
          name="file"
          action={`${base}/photos`}
          headers={{
            'x-csrf-token': readCookie('dj_csrf') ?? '',
            'Accept-Language': locale,
            Accept: 'application/json',
          }}
          withCredentials
          multiple
          fileList={files}
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
          onChange={({ file, fileList }) => {
            if (file.status === 'error') {
              const err = (file.response as { error?: { code?: string; message?: string } } | undefined)?.error;
              message.error(
                t(`「${file.name}」上传失败：`, `"${file.name}" failed: `) +
                  (err?.code ? messageOf(err.code, err.message) : t('网络错误', 'network error')),
              );
              setFiles(fileList.filter((f) => f.uid !== file.uid));
            } else setFiles(fileList);
          }}
        >
          {files.length < INSPECTION_PHOTOS_MAX ? (
            <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
              <PlusOutlined aria-hidden />
              <div style={{ marginTop: 8 }}>{t('添加照片', 'Add photos')}</div>
            </button>
          ) : null}
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

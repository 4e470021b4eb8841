/** The report of a target (报送完成情况): what was done, and evidence photos uploaded before the report is sent. */
import { Alert, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import type { TaskDetail } from './taskModel';

/** The report dialog of one target; on success the task and the lists refresh. */
export function ReportModal(props: {
  taskId: number;
  target: { id: number; orgName: string; returnReason: string | null; reportText: string | null };
  title: string;
  onClose: () => void;
  onSaved?: (r: TaskDetail) => void;
}) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const base = `/api/tasks/${props.taskId}/targets/${props.target.id}`;
  return (
    <FormModal<TaskDetail>
      title={t(`报送完成情况：${props.title}`, `Report: ${props.title}`)}
      initialValues={{ text: props.target.reportText ?? '' }}
      notice={
        props.target.returnReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`退回理由：${props.target.returnReason}`, `Sent back: ${props.target.returnReason}`)}
          />
        ) : undefined
      }
      onSubmit={async (v) => {
        const photoIds: number[] = [];
        for (const f of files) {
          if (!f.originFileObj) continue;
          const fd = new FormData();
          fd.append('file', f.originFileObj);
          photoIds.push((await api.post<{ id: number }>(`${base}/photos`, fd)).id);
        }
        return api.post<TaskDetail>(`${base}/report`, { text: String(v.text ?? '').trim(), photoIds });
      }}
      onSaved={(r) => {
        message.success(t('已报送', 'Reported'));
        qc.invalidateQueries({ queryKey: ['tasks'] });
        qc.invalidateQueries({ queryKey: ['task', props.taskId] });
        props.onSaved?.(r);
        props.onClose();
      }}
      onClose={props.onClose}
      okText={t('报送', 'Report')}
      fieldOfCode={{ 'tasks.photo_unknown': 'text', 'files.bad_type': 'text', 'files.too_many': 'text' }}
    >
      <p className="dj-muted">{props.target.orgName}</p>
      <Field label={t('完成情况', 'What was done')} name="text" required whitespace max={2000}>
        <Input.TextArea rows={5} data-testid="report-text" />
      </Field>
      <Field label={t('佐证照片（JPEG/PNG，最多 9 张）', 'Evidence photos (JPEG/PNG, up to 9)')}>
        <Upload
          listType="picture-card"
          accept="image/jpeg,image/png"
          fileList={files}
          beforeUpload={() => false}
          maxCount={9}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          {files.length < 9 ? t('添加', 'Add') : null}
        </Upload>
      </Field>
    </FormModal>
  );
}

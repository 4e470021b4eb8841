/** The drawer of one errand (`/errands/:id`): its facts, steps, and the moves of an errand in progress. */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Input, Popconfirm, Skeleton, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, type ErrandDetail } from '../requests/requestModel';
import { ErrandStatusTag, EventTimeline } from '../requests/RequestParts';

/** The drawer of an errand. */
export function ErrandDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['errand', id],
    queryFn: ({ signal }) => api.get<ErrandDetail>(`/api/errands/${id}`, undefined, signal),
  });
  const e = q.data;
  usePageCrumb(e?.title);
  async function act(path: 'steps' | 'done' | 'cancel') {
    if (!text.trim())
      return message.warning(
        path === 'done' ? t('请填写办理结果', 'Write the result') : t('请填写说明', 'Write a note'),
      );
    setBusy(true);
    try {
      await api.post(`/api/errands/${id}/${path}`, path === 'done' ? { result: text.trim() } : { note: text.trim() });
      setText('');
      message.success(t('已保存', 'Saved'));
      onChanged();
      void q.refetch();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Drawer open onClose={onClose} size="large" title={e?.title ?? t('代办事项', 'Errand')}>
      {q.isPending ? (
        <Skeleton active />
      ) : q.error || !e ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('状态', 'Status')}>
              <ErrandStatusTag status={e.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('群众', 'Resident')}>
              {e.residentName} {e.phone ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('红色暖心卡号', 'Card no.')}>{e.cardNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('承办党员', 'Member')}>
              {e.memberName}（{e.orgName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('承接时间', 'Taken')}>{chinaDateTime(e.takenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('办结时间', 'Done')}>{chinaDateTime(e.doneAt) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('说明', 'Details')}>{e.description ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('办理结果', 'Result')}>{e.result ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <h3 style={{ fontSize: 16 }}>{t('办理步骤', 'Steps')}</h3>
            <EventTimeline events={e.events} />
          </div>
          {e.status === 'in_progress' ? (
            <div>
              <label htmlFor="errand-text">{t('步骤说明 / 办理结果', 'Step note or result')}</label>
              <Input.TextArea
                id="errand-text"
                rows={3}
                maxLength={1000}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
              />
              <Space wrap style={{ marginTop: 8 }}>
                <Button loading={busy} onClick={() => act('steps')} data-testid="errand-step">
                  {t('记录步骤', 'Add a step')}
                </Button>
                <Button type="primary" loading={busy} onClick={() => act('done')} data-testid="errand-done">
                  {t('办结', 'Done')}
                </Button>
                <Popconfirm
                  title={t('取消这项代办？', 'Cancel this errand?')}
                  okText={t('取消代办', 'Cancel it')}
                  cancelText={t('返回', 'Back')}
                  onConfirm={() => act('cancel')}
                >
                  <Button danger>{t('取消代办', 'Cancel errand')}</Button>
                </Popconfirm>
              </Space>
            </div>
          ) : null}
        </Space>
      )}
    </Drawer>
  );
}

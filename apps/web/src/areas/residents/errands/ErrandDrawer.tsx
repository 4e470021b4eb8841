/** The drawer of one errand (`/errands/:id`): its facts, steps, and the moves the server allows (WorkflowActionBar). */
import { Descriptions, Drawer, Skeleton, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ERRAND_FLOW, ERRAND_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { chinaDateTime, type ErrandDetail } from '../requests/requestModel';
import { ErrandStatusTag, EventTimeline } from '../requests/RequestParts';

/** The API path of each errand move (the flow's `step` is `/steps`). */
const PATHS: Record<string, string> = { step: 'steps', done: 'done', cancel: 'cancel' };

/** The body the API takes for a move: a step or a cancel carries `note`, done its `result`. */
function bodyOf(move: string, input: Record<string, unknown>) {
  if (move === 'done') return { result: input.result };
  return { note: move === 'cancel' ? input.reason : input.note };
}

/** The drawer of an errand. */
export function ErrandDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const q = useQuery({
    queryKey: ['errand', id],
    queryFn: ({ signal }) => api.get<ErrandDetail>(`/api/errands/${id}`, undefined, signal),
  });
  const e = q.data;
  usePageCrumb(e?.title);
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
            <EventTimeline events={e.events} states={ERRAND_STATUSES} />
          </div>
          <WorkflowActionBar
            actions={e.actions}
            moves={ERRAND_FLOW.actions}
            note="none"
            primary={['done']}
            danger={['cancel']}
            fields={{
              note: { label: { zh: '步骤说明', en: 'Step note' } },
              result: { label: { zh: '办理结果', en: 'Result' } },
              reason: { label: { zh: '取消原因', en: 'Why it is cancelled' } },
            }}
            run={(move, input) => api.post(`/api/errands/${id}/${PATHS[move] ?? move}`, bodyOf(move, input))}
            onDone={() => {
              message.success(t('已保存', 'Saved'));
              onChanged();
              void q.refetch();
            }}
          />
        </Space>
      )}
    </Drawer>
  );
}

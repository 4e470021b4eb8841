/** The member's errands with their steps, on the phone. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ERRAND_STATUSES } from '@dangjian/contracts';
import { api } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { RESIDENTS_EVENT_KINDS, chinaDay, type ErrandDetail, type ErrandItem } from '../../requests/requestModel';
import { Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';
import { STATE_CLASS, errText } from './servicePhoneParts';
import { NoteLine } from '../../../../components/PhoneParts';
import { TaskNote, TaskProblem } from './taskParts';

function ErrandCard({ e, onChanged }: { e: ErrandItem; onChanged: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['m-errand', e.id],
    queryFn: ({ signal }) => api.get<ErrandDetail>(`/api/errands/${e.id}`, undefined, signal),
    enabled: expanded,
  });
  async function act(path: 'steps' | 'done') {
    if (!text.trim())
      return setError(
        path === 'done' ? t('请填写办理结果', 'Write the result') : t('请填写步骤说明', 'Write the step'),
      );
    setError(null);
    try {
      await api.post(`/api/errands/${e.id}/${path}`, path === 'done' ? { result: text.trim() } : { note: text.trim() });
      setText('');
      void detail.refetch();
      onChanged();
    } catch (err) {
      setError(errText(err));
    }
  }
  return (
    <li className="m-card" data-testid="m-errand">
      <div className="m-meeting-top">
        <span className="m-sub">
          {e.residentName}
          {e.cardNo ? ` · ${t('暖心卡', 'Card')} ${e.cardNo}` : ''}
        </span>
        <span className={`m-state ${STATE_CLASS[e.status] ?? ''}`}>{lbl(ERRAND_STATUSES, e.status)}</span>
      </div>
      <div className="m-meeting-topic">{e.title}</div>
      <div className="m-sub">
        {t('承接于', 'Taken')} {chinaDay(e.takenAt)}
        {e.doneAt ? ` · ${t('办结于', 'done')} ${chinaDay(e.doneAt)}` : ''}
      </div>
      <NoteLine label={t('结果：', 'Result: ')} text={e.result} />
      <button
        type="button"
        className="m-btn"
        style={{ marginTop: 8 }}
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? t('收起', 'Hide') : t('办理步骤', 'Steps')}
      </button>
      {expanded ? (
        <div style={{ marginTop: 8 }}>
          {detail.data?.events?.length ? (
            <ol className="m-list">
              {detail.data.events.map((ev) => (
                <li key={ev.id} className="r-item">
                  <span className="m-sub">{chinaDay(ev.at)}</span>
                  <span className="r-text">{ev.note ?? lbl(RESIDENTS_EVENT_KINDS, ev.kind)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="m-sub">{detail.isPending ? t('加载中…', 'Loading…') : t('暂无步骤', 'No step yet')}</p>
          )}
          {e.status === 'in_progress' ? (
            <>
              <TaskNote
                error={error}
                id={`m-step-${e.id}`}
                label={t('步骤说明 / 办理结果', 'Step or result')}
                rows={2}
                value={text}
                onChange={setText}
              />
              <div className="m-shortcut">
                <button type="button" className="m-btn primary" onClick={() => act('done')} data-testid="m-errand-done">
                  {t('办结', 'Done')}
                </button>
                <button type="button" className="m-btn" onClick={() => act('steps')} data-testid="m-errand-step">
                  {t('记步骤', 'Add step')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The member's errands. */
export function MyErrands() {
  const t = useT();
  const q = useQuery({
    queryKey: ['m-my-errands'],
    queryFn: ({ signal }) => api.get<ListPage<ErrandItem>>('/api/errands', { mine: 'true', pageSize: 50 }, signal),
  });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <TaskProblem error={q.error} />;
  return q.data.items.length === 0 ? (
    <div className="m-card m-empty">{t('还没有代办事项', 'No errand yet')}</div>
  ) : (
    <ul className="m-list">
      {q.data.items.map((e) => (
        <ErrandCard key={e.id} e={e} onChanged={() => void q.refetch()} />
      ))}
    </ul>
  );
}

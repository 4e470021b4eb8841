/** The wishes a member claimed, with the fulfilment form, on the phone. */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WISH_STATUSES } from '@dangjian/contracts';
import { api } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { chinaDay, type WishItem } from '../../requests/requestModel';
import { Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';
import { STATE_CLASS, errText } from './servicePhoneParts';
import { NoteLine } from '../../../../components/PhoneParts';
import { TaskNote, TaskProblem } from './taskParts';

function FulfilForm({ w, onDone }: { w: WishItem; onDone: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!note.trim()) return setError(t('请填写完成情况', 'Say how it was fulfilled'));
    setBusy(true);
    setError(null);
    try {
      if (file) {
        const fd = new FormData();
        fd.append('file', file);
        await api.post(`/api/wishes/${w.id}/photos`, fd);
      }
      await api.post(`/api/wishes/${w.id}/fulfil`, { note: note.trim() });
      onDone();
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <TaskNote
        error={error}
        id={`m-note-${w.id}`}
        label={t('完成情况', 'How it was fulfilled')}
        rows={3}
        value={note}
        onChange={setNote}
      />
      <div className="m-field">
        <label htmlFor={`m-photo-${w.id}`}>{t('照片（可选）', 'Photo (optional)')}</label>
        <input
          id={`m-photo-${w.id}`}
          className="r-file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="m-btn primary" disabled={busy} data-testid="m-fulfil-submit">
        {busy ? t('正在提交…', 'Submitting…') : t('提交完成情况', 'Submit')}
      </button>
    </form>
  );
}

/** The member's claimed wishes. */
export function MyClaims() {
  const t = useT();
  const lbl = useLabel();
  const [open, setOpen] = useState<number | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['m-my-claims'],
    queryFn: ({ signal }) => api.get<ListPage<WishItem> | WishItem[]>('/api/wishes/mine', undefined, signal),
  });
  const items = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
  async function release(w: WishItem) {
    try {
      await api.post(`/api/wishes/${w.id}/release`, {});
      setMsg(t('已放弃认领', 'Released'));
      await q.refetch();
    } catch (e) {
      setMsg(errText(e));
    }
  }
  if (q.isPending) return <Skeleton />;
  if (q.error) return <TaskProblem error={q.error} />;
  return (
    <>
      {msg ? (
        <div className="m-alert info" role="status" data-testid="m-claims-msg">
          {msg}
        </div>
      ) : null}
      {items.length === 0 ? (
        <div className="m-card m-empty">{t('还没有认领心愿', 'No claimed wish')}</div>
      ) : (
        <ul className="m-list">
          {items.map((w) => (
            <li key={w.id} className="m-card" data-testid="m-my-claim" data-status={w.status}>
              <div className="m-meeting-top">
                <span className="m-sub">{w.orgName}</span>
                <span className={`m-state ${STATE_CLASS[w.status] ?? ''}`}>{lbl(WISH_STATUSES, w.status)}</span>
              </div>
              <div className="m-meeting-topic">{w.title}</div>
              <p className="r-text">{w.description}</p>
              {w.residentName || w.phone ? (
                <div className="m-sub">{`${w.residentName ?? ''} ${w.phone ?? ''}`.trim()}</div>
              ) : null}
              {w.status === 'claimed' && w.claimDueAt ? (
                <div className="m-sub">
                  {t(`请于 ${chinaDay(w.claimDueAt)} 前完成`, `Fulfil by ${chinaDay(w.claimDueAt)}`)}
                </div>
              ) : null}
              <NoteLine label={t('完成情况：', 'Done: ')} text={w.fulfilNote} />
              {w.status === 'claimed' ? (
                open === w.id ? (
                  <FulfilForm
                    w={w}
                    onDone={() => {
                      setOpen(null);
                      setMsg(t('已提交，等待群众确认', 'Submitted; awaiting the resident'));
                      void q.refetch();
                    }}
                  />
                ) : (
                  <div className="m-shortcut">
                    <button
                      type="button"
                      className="m-btn primary"
                      onClick={() => setOpen(w.id)}
                      data-testid="m-fulfil"
                    >
                      {t('完成心愿', 'Fulfil')}
                    </button>
                    <button type="button" className="m-btn" onClick={() => release(w)}>
                      {t('放弃', 'Release')}
                    </button>
                  </div>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

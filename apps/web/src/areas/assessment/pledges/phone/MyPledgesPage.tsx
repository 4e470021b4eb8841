/**
 * The member's pledges on the phone (`/m/pledges`): make a pledge (定诺), follow its state, report progress with a
 * photo and the fulfilment (践诺), see the evaluations; and evaluate the fulfilled pledges of fellow members (评诺).
 * No UI library, as every phone page.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  chinaToday,
  PLEDGE_CATEGORIES,
  PLEDGE_RATINGS,
  PLEDGE_STATUSES,
  type PledgeCategory,
  type PledgeRating,
} from '@dangjian/contracts';
import { api, ApiError } from '../../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../../app/i18n';
import { NoteField, PhoneError, PhoneInput, PhoneListCard } from '../../../../components/PhoneParts';
import { type PledgeDetail, type PledgeItem, uploadPhotos } from '../pledgeModel';
import '../../../life/meetings/phone/meeting-pages.css';
import './pledges-phone.css';

const errText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const STATE_CLASS: Record<string, string> = { returned: 'bad', fulfilled: 'ok', evaluated: 'ok', draft: 'warn' };

/** `/m/pledges`: my pledges and the ones of my branch to evaluate. */
export function MyPledgesPage() {
  const t = useT();
  const year = Number(chinaToday().slice(0, 4));
  const mine = useQuery({
    queryKey: ['m-pledges', 'mine', year],
    queryFn: ({ signal }) =>
      api.get<{ items: PledgeItem[]; total: number }>('/api/pledges', { mine: true, year, pageSize: 50 }, signal),
  });
  const toRate = useQuery({
    queryKey: ['m-pledges', 'fulfilled', year],
    queryFn: ({ signal }) =>
      api.get<{ items: PledgeItem[]; total: number }>(
        '/api/pledges',
        { status: 'fulfilled', year, pageSize: 50 },
        signal,
      ),
  });
  const [open, setOpen] = useState<number | null>(null);
  const [making, setMaking] = useState(false);
  const others = (toRate.data?.items ?? []).filter((p) => !mine.data?.items.some((m) => m.id === p.id));
  return (
    <>
      {making ? (
        <MakePledge year={year} onDone={() => setMaking(false)} />
      ) : (
        <section className="m-card">
          <button type="button" className="m-btn primary" onClick={() => setMaking(true)} data-testid="m-pledge-new">
            {t('我要承诺', 'Make a pledge')}
          </button>
        </section>
      )}
      <PhoneListCard
        id="m-my-pledges"
        title={t(`我的${year}年承诺`, `My pledges of ${year}`)}
        error={mine.error ? errText(mine.error) : null}
        pending={mine.isPending}
        empty={mine.data?.items.length ? null : t('还没有承诺', 'No pledge yet')}
      >
        {mine.data?.items.map((p) => (
          <PledgeRow key={p.id} p={p} open={open === p.id} onToggle={() => setOpen(open === p.id ? null : p.id)} />
        ))}
      </PhoneListCard>
      <PhoneListCard
        id="m-rate-pledges"
        title={t('待我评议的承诺', 'Pledges to evaluate')}
        error={toRate.error ? errText(toRate.error) : null}
        pending={toRate.isPending}
        empty={others.length ? null : t('暂无需要评议的承诺', 'Nothing to evaluate')}
      >
        {others.map((p) => (
          <PledgeRow key={p.id} p={p} open={open === p.id} onToggle={() => setOpen(open === p.id ? null : p.id)} />
        ))}
      </PhoneListCard>
    </>
  );
}

/** The form of a new pledge: the category, what and by when; saved as a draft then submitted at once. */
function MakePledge({ year, onDone }: { year: number; onDone: () => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const [category, setCategory] = useState<PledgeCategory>('post');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [dueOn, setDueOn] = useState(`${year}-12-31`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!title.trim() || !content.trim())
      return setError(t('请填写承诺事项和内容', 'Fill in the pledge and its content'));
    setBusy(true);
    setError(null);
    try {
      const d = await api.post<PledgeDetail>('/api/pledges', {
        kind: 'member',
        year,
        category,
        title: title.trim(),
        content: content.trim(),
        dueOn,
      });
      await api.post(`/api/pledges/${d.id}/submit`, {});
      await qc.invalidateQueries({ queryKey: ['m-pledges'] });
      onDone();
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="m-card" aria-labelledby="m-make-title">
      <h2 id="m-make-title">{t('定诺', 'Make a pledge')}</h2>
      <form onSubmit={submit}>
        <PhoneError error={error} testId="m-pledge-error" />
        <div className="m-field">
          <label htmlFor="m-pledge-category">{t('类别', 'Category')}</label>
          <select
            id="m-pledge-category"
            className="m-input"
            value={category}
            onChange={(e) => setCategory(e.target.value as PledgeCategory)}
          >
            {opts(PLEDGE_CATEGORIES).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <PhoneInput
          id="m-pledge-title"
          label={t('承诺事项', 'Pledge')}
          value={title}
          onChange={setTitle}
          max={60}
          data-testid="m-pledge-title"
        />
        <NoteField
          id="m-pledge-content"
          label={t('承诺内容', 'Content')}
          rows={3}
          value={content}
          onChange={setContent}
          max={2000}
        />
        <PhoneInput
          id="m-pledge-due"
          label={t('完成时限', 'Due on')}
          type="date"
          value={dueOn}
          onChange={setDueOn}
          min={`${year}-01-01`}
        />
        <div className="m-row">
          <button type="submit" className="m-btn primary" disabled={busy} data-testid="m-pledge-submit">
            {busy ? t('正在提交…', 'Submitting…') : t('提交支部审核', 'Submit for review')}
          </button>
          <button type="button" className="m-btn" onClick={onDone}>
            {t('取消', 'Cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One pledge: its state, and opened, its detail with what the member may do now. */
function PledgeRow({ p, open, onToggle }: { p: PledgeItem; open: boolean; onToggle: () => void }) {
  const t = useT();
  const lbl = useLabel();
  return (
    <li className="m-pledge" data-testid="m-pledge">
      <button type="button" className="m-pledge-head" onClick={onToggle} aria-expanded={open}>
        <span className="m-pledge-title">{p.title}</span>
        <span className={`m-state ${STATE_CLASS[p.status] ?? ''}`} data-testid="m-pledge-status">
          {lbl(PLEDGE_STATUSES, p.status)}
        </span>
      </button>
      <div className="m-sub">
        {lbl(PLEDGE_CATEGORIES, p.category)} · {p.memberName ?? p.orgName} · {t(`${p.dueOn}前完成`, `due ${p.dueOn}`)}
      </div>
      {open ? <PledgeActions id={p.id} /> : null}
    </li>
  );
}

/** The opened pledge: progress with a photo, the fulfilment, the evaluations and the member's own evaluation. */
function PledgeActions({ id }: { id: number }) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['m-pledge', id],
    queryFn: ({ signal }) => api.get<PledgeDetail>(`/api/pledges/${id}`, undefined, signal),
  });
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState('0');
  const [rating, setRating] = useState<PledgeRating>('satisfied');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <div className="m-skel" />;
  if (q.error) return <PhoneError error={errText(q.error)} />;
  const d = q.data;
  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setText('');
      setFiles([]);
      await qc.invalidateQueries({ queryKey: ['m-pledge', id] });
      await qc.invalidateQueries({ queryKey: ['m-pledges'] });
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }
  const need = () => (text.trim() ? null : t('请填写情况说明', 'Write what was done'));
  return (
    <div className="m-pledge-body">
      <p className="m-sub">{d.content}</p>
      {d.returnReason && d.status === 'returned' ? (
        <p className="m-alert error">{t(`退回原因：${d.returnReason}`, `Returned: ${d.returnReason}`)}</p>
      ) : null}
      {d.progress.length ? (
        <ul className="m-pledge-progress" aria-label={t('践诺进展', 'Progress')}>
          {d.progress.map((x) => (
            <li key={x.id}>
              <b>{x.reportedOn}</b> {x.kind === 'fulfilment' ? t('【践诺情况】', '[Fulfilment] ') : ''}
              {x.text}
            </li>
          ))}
        </ul>
      ) : null}
      {d.photos.length ? (
        <div className="m-pledge-photos">
          {d.photos.map((ph) => (
            <img key={ph.id} src={ph.url} alt={t('践诺照片', 'Photo')} />
          ))}
        </div>
      ) : null}
      <PhoneError error={error} testId="m-pledge-action-error" />
      {d.actions.includes('submit') ? (
        <button
          type="button"
          className="m-btn primary"
          disabled={busy}
          onClick={() => run(() => api.post(`/api/pledges/${id}/submit`, {}))}
        >
          {t('提交支部审核', 'Submit for review')}
        </button>
      ) : null}
      {d.canProgress ? (
        <>
          <NoteField
            id={`m-progress-${id}`}
            label={t('践诺情况说明', 'What was done')}
            rows={3}
            value={text}
            onChange={setText}
          />
          <div className="m-field">
            <label htmlFor={`m-photo-${id}`}>{t('照片（拍照）', 'Photos (camera)')}</label>
            <input
              id={`m-photo-${id}`}
              className="m-input"
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              multiple
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
              data-testid="m-pledge-photo"
            />
          </div>
          <div className="m-row">
            <button
              type="button"
              className="m-btn"
              disabled={busy}
              data-testid="m-pledge-progress"
              onClick={() =>
                run(async () => {
                  const bad = need();
                  if (bad) throw new Error(bad);
                  await uploadPhotos(id, files);
                  await api.post(`/api/pledges/${id}/progress`, { text: text.trim() });
                })
              }
            >
              {t('记录进展', 'Record progress')}
            </button>
          </div>
          {d.status === 'published' ? (
            <>
              <PhoneInput
                id={`m-problems-${id}`}
                label={t('解决问题数', 'Problems solved')}
                type="number"
                inputMode="numeric"
                min={0}
                value={problems}
                onChange={setProblems}
              />
              <button
                type="button"
                className="m-btn primary"
                disabled={busy}
                data-testid="m-pledge-report"
                onClick={() =>
                  run(async () => {
                    const bad = need();
                    if (bad) throw new Error(bad);
                    await uploadPhotos(id, files);
                    await api.post(`/api/pledges/${id}/report`, {
                      fulfilment: text.trim(),
                      problemsSolved: Math.max(0, Number(problems) || 0),
                    });
                  })
                }
              >
                {t('已完成，提交践诺情况', 'Done: report the fulfilment')}
              </button>
            </>
          ) : null}
        </>
      ) : null}
      {d.evaluations.length ? (
        <p className="m-sub" data-testid="m-pledge-ratings">
          {t('评价：', 'Evaluations: ')}
          {(['satisfied', 'fair', 'dissatisfied'] as const)
            .map((k) => `${lbl(PLEDGE_RATINGS, k)} ${d.ratings[k]}`)
            .join(' · ')}
        </p>
      ) : null}
      {d.canEvaluate ? (
        <div className="m-field">
          <label htmlFor={`m-rate-${id}`}>{t('我的评价', 'My evaluation')}</label>
          <select
            id={`m-rate-${id}`}
            className="m-input"
            value={rating}
            onChange={(e) => setRating(e.target.value as PledgeRating)}
          >
            {opts(PLEDGE_RATINGS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="m-btn primary"
            disabled={busy}
            data-testid="m-pledge-evaluate"
            onClick={() => run(() => api.post(`/api/pledges/${id}/evaluations`, { rating }))}
          >
            {t('提交评价', 'Evaluate')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A card on the member's home leading to its pledges. */
export function PledgesShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('我的承诺', 'My pledges')}>
      <h2>{t('承诺践诺', 'Pledges')}</h2>
      <Link className="m-btn" to="/m/pledges" data-testid="m-pledges-link">
        {t('我的承诺与评议', 'My pledges and evaluations')}
      </Link>
    </section>
  );
}

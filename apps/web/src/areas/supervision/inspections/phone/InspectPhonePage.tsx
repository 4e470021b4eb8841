/**
 * The inspection team's phone page (`/m/inspect`): pick a running inspection and the organization visited, mark
 * the checklist (达标 / 基本达标 / 不达标), and record a finding on the spot — the checklist item it concerns, what
 * was found, its category and severity, photos from the camera. A finding becomes a problem at once.
 */
import { type FormEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  INSPECTION_CHECK_RESULTS,
  type InspectionCheckResult,
  chinaToday,
  INSPECTION_PHOTOS_MAX,
  INSPECTION_SEVERITIES,
  type InspectionSeverity,
  INSPECTION_TOPICS,
  type InspectionTopic,
} from '@dangjian/contracts';
import { api, ApiError, request } from '../../../../api/client';
import type { ListAnswer } from '../../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../../app/i18n';
import { Skeleton } from '../../../../app/mobile/parts';
import { NoteField, PhoneError } from '../../../../components/PhoneParts';
import { useCategories } from '../../problems/problemModel';
import type { CheckItem, FindingItem, InspectionDetail, InspectionItem, VisitItem } from '../inspectionModel';
import './inspect-phone.css';

const errText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The phone page of the inspection team. */
export function InspectPhonePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const inspectionId = Number(params.get('inspection')) || null;
  const visitId = Number(params.get('visit')) || null;
  const list = useQuery({
    queryKey: ['m-inspections-running'],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<InspectionItem>>('/api/inspections', { status: 'in_progress', pageSize: 100 }, signal),
  });
  const detail = useQuery({
    queryKey: ['inspection', inspectionId],
    queryFn: ({ signal }) => api.get<InspectionDetail>(`/api/inspections/${inspectionId}`, undefined, signal),
    enabled: !!inspectionId,
  });
  const running = (list.data?.items ?? []).filter((i) => i.issuer);
  const set = (k: string, v: number | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, String(v));
    else next.delete(k);
    if (k === 'inspection') next.delete('visit');
    setParams(next, { replace: true });
  };
  if (list.isPending) return <Skeleton />;
  if (list.error) return <PhoneError error={errText(list.error)} />;
  const d = detail.data;
  const visit = d?.visitList.find((v) => v.id === visitId) ?? null;
  return (
    <>
      <section className="m-card" aria-labelledby="m-insp-pick">
        <h2 id="m-insp-pick">{t('选择督查和检查单位', 'The inspection and the organization')}</h2>
        {running.length ? (
          <>
            <div className="m-field">
              <label htmlFor="m-inspection">{t('督查', 'Inspection')}</label>
              <select
                id="m-inspection"
                className="m-input"
                value={inspectionId ?? ''}
                onChange={(e) => set('inspection', Number(e.target.value) || null)}
                data-testid="m-inspection"
              >
                <option value="">{t('请选择', 'Choose')}</option>
                {running.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            </div>
            {d ? (
              <div className="m-field">
                <label htmlFor="m-visit">{t('检查单位', 'Organization visited')}</label>
                <select
                  id="m-visit"
                  className="m-input"
                  value={visitId ?? ''}
                  onChange={(e) => set('visit', Number(e.target.value) || null)}
                  data-testid="m-visit"
                >
                  <option value="">{t('请选择', 'Choose')}</option>
                  {d.visitList.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.orgName}
                    </option>
                  ))}
                </select>
                {!d.visitList.length ? (
                  <p className="m-sub">
                    {t('本次督查还没有被检查单位，请在电脑上添加。', 'No organization yet: add them on the console.')}
                  </p>
                ) : null}
              </div>
            ) : detail.isFetching ? (
              <div className="m-skel" />
            ) : null}
          </>
        ) : (
          <p className="m-empty">{t('没有进行中的督查检查', 'No inspection is under way')}</p>
        )}
      </section>
      {d && visit ? (
        <>
          <ChecklistCard key={`c${visit.id}`} inspectionId={d.id} visit={visit} checklist={d.checklist} />
          <FindingCard key={`f${visit.id}`} inspectionId={d.id} visit={visit} checklist={d.checklist} />
        </>
      ) : null}
    </>
  );
}

/** The checklist of the visit, one row of three buttons per item, saved whole with today's date. */
function ChecklistCard({
  inspectionId,
  visit,
  checklist,
}: {
  inspectionId: number;
  visit: VisitItem;
  checklist: readonly InspectionTopic[];
}) {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const [results, setResults] = useState<Partial<Record<InspectionTopic, InspectionCheckResult>>>(() =>
    Object.fromEntries(visit.results.map((r) => [r.topic, r.result])),
  );
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function save() {
    setBusy(true);
    setMsg(null);
    try {
      const notes = new Map(visit.results.map((r) => [r.topic, r.note ?? null]));
      const sent: CheckItem[] = checklist
        .filter((topic) => results[topic])
        .map((topic) => ({ topic, result: results[topic]!, note: notes.get(topic) ?? null }));
      await request('PUT', `/api/inspections/${inspectionId}/visits/${visit.id}`, {
        body: {
          visitedOn: visit.visitedOn ?? chinaToday(),
          results: sent,
        },
      });
      await qc.invalidateQueries({ queryKey: ['inspection', inspectionId] });
      setMsg({ ok: true, text: t('检查结果已保存', 'Results saved') });
    } catch (e) {
      setMsg({ ok: false, text: errText(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="m-card" aria-labelledby="m-insp-check">
      <h2 id="m-insp-check">{t('检查清单', 'Checklist')}</h2>
      {checklist.map((topic) => (
        <fieldset key={topic} className="m-check">
          <legend>{lbl(INSPECTION_TOPICS, topic)}</legend>
          <div className="m-seg">
            {(Object.keys(INSPECTION_CHECK_RESULTS) as InspectionCheckResult[]).map((r) => (
              <button
                key={r}
                type="button"
                className={`m-seg-btn ${r}`}
                aria-pressed={results[topic] === r}
                onClick={() => setResults((p) => ({ ...p, [topic]: r }))}
              >
                {lbl(INSPECTION_CHECK_RESULTS, r)}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {msg ? (
        <div className={`m-alert ${msg.ok ? 'info' : 'error'}`} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </div>
      ) : null}
      <button type="button" className="m-btn" disabled={busy} onClick={save} data-testid="m-save-results">
        {busy ? t('正在保存…', 'Saving…') : t('保存检查结果', 'Save the results')}
      </button>
    </section>
  );
}

/** A finding on the spot: the item, the text, category, severity and photos from the camera. */
function FindingCard({
  inspectionId,
  visit,
  checklist,
}: {
  inspectionId: number;
  visit: VisitItem;
  checklist: readonly InspectionTopic[];
}) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const categories = useCategories();
  const [topic, setTopic] = useState<InspectionTopic | ''>('');
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState<InspectionSeverity>('minor');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<FindingItem | null>(null);
  const base = `/api/inspections/${inspectionId}/visits/${visit.id}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setError(t('请描述发现的问题', 'Say what was found'));
    if (!category) return setError(t('请选择问题类别', 'Choose the category'));
    if (files.length > INSPECTION_PHOTOS_MAX)
      return setError(t(`照片最多 ${INSPECTION_PHOTOS_MAX} 张`, `At most ${INSPECTION_PHOTOS_MAX} photos`));
    setBusy(true);
    setError(null);
    try {
      const photoIds: number[] = [];
      for (const f of files) {
        const fd = new FormData();
        fd.append('file', f);
        photoIds.push((await api.post<{ id: number }>(`${base}/photos`, fd)).id);
      }
      const head = topic ? `【${lbl(INSPECTION_TOPICS, topic)}】` : '';
      const saved = await api.post<VisitItem>(`${base}/findings`, {
        text: head + text.trim(),
        category,
        severity,
        photoIds,
      });
      // The answer is the visit: the newest of its findings is this one.
      setDone(saved.findings.reduce<FindingItem | null>((a, f) => (!a || f.id > a.id ? f : a), null));
      setText('');
      setFiles([]);
      setTopic('');
      await qc.invalidateQueries({ queryKey: ['inspection', inspectionId] });
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="m-card" aria-labelledby="m-insp-finding">
      <h2 id="m-insp-finding">{t('记录发现问题', 'Record a finding')}</h2>
      {done ? (
        <div className="m-alert info" role="status" data-testid="m-finding-done">
          {t('已记录，并已转为整改问题。', 'Recorded; a problem is opened.')}
          {done.problemId ? (
            <>
              {' '}
              <Link className="m-link" to={`/problems/${done.problemId}`} reloadDocument>
                {t('查看整改问题', 'Open the problem')}
              </Link>
            </>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <PhoneError error={error} testId="m-finding-error" />
        <div className="m-field">
          <label htmlFor="m-topic">{t('检查项目（可选）', 'Checklist item (optional)')}</label>
          <select
            id="m-topic"
            className="m-input"
            value={topic}
            onChange={(e) => setTopic(e.target.value as InspectionTopic | '')}
          >
            <option value="">{t('不指定', 'None')}</option>
            {checklist.map((x) => (
              <option key={x} value={x}>
                {lbl(INSPECTION_TOPICS, x)}
              </option>
            ))}
          </select>
        </div>
        <NoteField
          id="m-finding-text"
          label={t('发现的问题', 'What was found')}
          rows={4}
          value={text}
          onChange={setText}
        />
        <div className="m-field">
          <label htmlFor="m-category">{t('问题类别', 'Category')}</label>
          <select
            id="m-category"
            className="m-input"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="m-category"
          >
            <option value="">{t('请选择', 'Choose')}</option>
            {categories.options.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="m-field">
          <label htmlFor="m-severity">{t('严重程度', 'Severity')}</label>
          <select
            id="m-severity"
            className="m-input"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as InspectionSeverity)}
          >
            {opts(INSPECTION_SEVERITIES).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="m-field">
          <label htmlFor="m-photos">{t('现场照片（拍照）', 'Photos (camera)')}</label>
          <input
            id="m-photos"
            className="m-input"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
            data-testid="m-photos"
          />
          {files.length ? <p className="m-sub">{t(`已选 ${files.length} 张`, `${files.length} chosen`)}</p> : null}
        </div>
        <button type="submit" className="m-btn primary" disabled={busy} data-testid="m-finding-submit">
          {busy ? t('正在提交…', 'Submitting…') : t('提交并转整改', 'Submit and open the problem')}
        </button>
      </form>
    </section>
  );
}

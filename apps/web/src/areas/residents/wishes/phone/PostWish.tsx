/** The resident's wish form on the phone. */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WISH_KINDS } from '@dangjian/contracts';
import { ApiError, request } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { type Place } from '../../requests/requestModel';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';
import { residentApi } from './residentFrame';
import { NoteField, PhoneError, PhoneInput } from '../../../../components/PhoneParts';

/** The wish form: the village from the public places, kind, title, description, an optional name. */
export function PostWish({ onPosted }: { onPosted: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const places = useQuery({
    queryKey: ['public-places'],
    queryFn: ({ signal }) =>
      request<Place[] | ListPage<Place>>('GET', '/api/public/places', { signal, quiet401: true }),
    staleTime: 10 * 60_000,
  });
  const list = Array.isArray(places.data) ? places.data : (places.data?.items ?? []);
  const [town, setTown] = useState('');
  const [orgId, setOrgId] = useState('');
  const [kind, setKind] = useState('wish');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!town) return setError(t('请先选择所在乡镇（街道）', 'Choose your township first'));
    if (!orgId) return setError(t('请选择所在村（社区）', 'Choose your village or community'));
    if (!title.trim() || !description.trim()) return setError(t('请填写标题和内容', 'Write a title and a description'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/wishes', {
        body: {
          orgId: Number(orgId),
          kind,
          title: title.trim(),
          description: description.trim(),
          name: name.trim() || undefined,
        },
      });
      setTitle('');
      setDescription('');
      setDone(true);
      onPosted();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  // Townships first, then the villages of the chosen one, in the order the server gives them.
  const towns = [...new Map(list.map((p) => [String(p.townshipId), p.townshipName])).entries()];
  const villages = list.filter((p) => String(p.townshipId) === town);
  return (
    <section className="m-card">
      <h2>{t('我要许愿', 'Post a wish')}</h2>
      {done ? (
        <div className="m-alert info" role="status" data-testid="r-posted">
          {t('已提交，党员认领后会帮助您实现。', 'Posted. A Party member will take it up.')}
        </div>
      ) : null}
      <PhoneError error={error} />
      <form onSubmit={submit} noValidate>
        <div className="m-field">
          <label htmlFor="r-town">{t('所在乡镇（街道）', 'Township or street')}</label>
          <select
            id="r-town"
            className="m-input"
            value={town}
            onChange={(e) => {
              setTown(e.target.value);
              setOrgId('');
            }}
          >
            <option value="">{places.isPending ? t('加载中…', 'Loading…') : t('请选择', 'Choose')}</option>
            {towns.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="m-field">
          <label htmlFor="r-place">{t('所在村（社区）', 'Village or community')}</label>
          <select
            id="r-place"
            className="m-input"
            value={orgId}
            disabled={!town}
            onChange={(e) => setOrgId(e.target.value)}
          >
            <option value="">
              {town ? t('请选择', 'Choose') : t('请先选择乡镇（街道）', 'Choose the township first')}
            </option>
            {villages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="m-field r-radios">
          <legend>{t('类型', 'Kind')}</legend>
          {Object.keys(WISH_KINDS).map((k) => (
            <label key={k} className="r-radio">
              <input type="radio" name="r-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {lbl(WISH_KINDS, k)}
            </label>
          ))}
        </fieldset>
        <PhoneInput id="r-title" label={t('标题', 'Title')} max={60} value={title} onChange={setTitle} />
        <NoteField id="r-desc" label={t('内容', 'Description')} rows={4} value={description} onChange={setDescription}>
          <div className="m-sub" style={{ fontSize: 14 }}>
            {t(
              '请勿填写身份证号等个人信息；心愿会显示在公开心愿墙上（不显示姓名和电话）。',
              'Do not write ID numbers; the wish shows on the public wall without your name or phone.',
            )}
          </div>
        </NoteField>
        <PhoneInput
          id="r-name"
          label={t('称呼（可不填）', 'Your name (optional)')}
          max={40}
          value={name}
          onChange={setName}
        />
        <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-submit-wish">
          {busy ? t('正在提交…', 'Posting…') : t('提交心愿', 'Post')}
        </button>
      </form>
    </section>
  );
}

/**
 * The member's learning on the phone (`/m/learning`): this month's items of its branch, whether the branch held
 * each and whether the member attended. Attendance only — no study time, views or clicks are counted. No UI library.
 */
import { useQuery } from '@tanstack/react-query';
import { LEARNING_KINDS, type LearningMineT } from '@dangjian/contracts';
import { api, ApiError } from '../../../../api/client';
import { useLabel, useT } from '../../../../app/i18n';
import { PhoneListCard } from '../../../../components/PhoneParts';
import '../../meetings/phone/meeting-pages.css';

/** `/m/learning`: this month's items of my branch. */
export function MyLearningPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['m-learning'],
    queryFn: ({ signal }) => api.get<LearningMineT>('/api/learning/mine', {}, signal),
  });
  const d = q.data;
  const error = q.error ? (q.error instanceof ApiError ? q.error.message : String(q.error)) : null;
  return (
    <PhoneListCard
      id="m-learning"
      title={
        d
          ? t(`${d.orgName} ${d.month}月学习清单`, `${d.orgName}: items of month ${d.month}`)
          : t('本月学习清单', 'This month')
      }
      error={error}
      pending={q.isPending}
      empty={d && !d.items.length ? t('本月还没有学习清单', 'No item this month yet') : null}
    >
      {d?.items.map((i) => (
        <li key={i.id} className="m-item" data-testid="m-learning-item">
          <strong>{i.topic}</strong>
          <span className="m-sub">{lbl(LEARNING_KINDS, i.kind)}</span>
          <p className="m-sub">{i.material}</p>
          {i.link ? (
            <a className="m-link" href={i.link} target="_blank" rel="noreferrer">
              {t('学习材料', 'Material')}
            </a>
          ) : null}
          <p className="m-sub">
            {i.held
              ? t(`支部已学习（${i.heldOn}）`, `Held by the branch (${i.heldOn})`)
              : t('支部尚未学习', 'Not held yet')}
            {i.held ? (i.attended ? t('，我已参加', ', I attended') : t('，我未参加', ', I did not attend')) : ''}
          </p>
        </li>
      ))}
    </PhoneListCard>
  );
}

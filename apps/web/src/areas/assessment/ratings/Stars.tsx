/** Stars as a person reads them: filled ★ for the stars won and hollow ☆ up to the scheme's most, with a label. */
import { useT } from '../../../app/i18n';
import './Ratings.css';

/** The stars of a result: `stars` of `max` (5, or 10 for 十星级); a dash while none are set. */
export function Stars({ stars, max = 5, testId }: { stars: number | null | undefined; max?: number; testId?: string }) {
  const t = useT();
  if (stars === null || stars === undefined)
    return (
      <span className="dj-muted" data-testid={testId}>
        {t('未评星', 'Not rated')}
      </span>
    );
  const won = Math.max(0, Math.min(max, Math.round(stars)));
  return (
    <span
      className="rt-stars"
      role="img"
      aria-label={t(`${won} 星`, `${won} star${won === 1 ? '' : 's'}`)}
      title={t(`${won} 星`, `${won} stars`)}
      data-testid={testId}
      data-stars={won}
    >
      <span className="rt-star-on">{'★'.repeat(won)}</span>
      <span className="rt-star-off">{'☆'.repeat(max - won)}</span>
    </span>
  );
}

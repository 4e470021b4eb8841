/** The number cards of the homes and figure pages: plain markup and a link, no antd (they are on the first view). */
import { Link } from 'react-router';

/** A number card, a link to its list when `href` is given. */
export function Stat({
  title,
  value,
  href,
  testId,
}: {
  title: string;
  value: number | string;
  href?: string;
  testId: string;
}) {
  const body = (
    <>
      <div className="dj-stat-title">{title}</div>
      <div className="dj-stat-value">{typeof value === 'number' ? value.toLocaleString('en-US') : value}</div>
    </>
  );
  return (
    <div className={`dj-card dj-stat-card${href ? ' dj-hover' : ''}`} data-testid={testId}>
      {href ? (
        <Link to={href} className="dj-stat">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}

export interface StatItem {
  testId: string;
  title: string;
  value: number | string;
  href?: string;
}

/** The grid of number cards. */
export function StatGrid({ items, testId }: { items: StatItem[]; testId?: string }) {
  return (
    <div className="dj-grid-stats" data-testid={testId}>
      {items.map((s) => (
        <Stat key={s.testId} {...s} />
      ))}
    </div>
  );
}

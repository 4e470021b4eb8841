/**
 * The service figures on the business home (this year): requests accepted, closed, overdue, satisfaction, wishes
 * fulfilled, group coverage — each a link. No antd: it loads after the overview.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { chinaToday, pct, type ResidentsStats } from '../requests/requestModel';

/** The home block. */
export default function ResidentsStatsBlock({ orgId }: { orgId?: number }) {
  const t = useT();
  const today = chinaToday();
  const query = { org: orgId, from: `${today.slice(0, 4)}-01-01`, to: today };
  const q = useQuery({
    queryKey: ['service-stats', query],
    queryFn: ({ signal }) => api.get<ResidentsStats>('/api/stats/service', query, signal),
    staleTime: 60_000,
  });
  const s = q.data;
  if (q.error || !s) return null;
  const stats = withQuery('/service/stats', { org: orgId });
  const items: { key: string; title: string; value: string; href: string; bad?: boolean }[] = [
    {
      key: 'accepted',
      title: t('今年受理诉求', 'Requests this year'),
      value: s.requests.accepted.toLocaleString('en-US'),
      href: withQuery('/requests', { org: orgId, view: 'accepted', from: query.from }),
    },
    {
      key: 'closed',
      title: t('已办结', 'Closed'),
      value: s.requests.closed.toLocaleString('en-US'),
      href: withQuery('/requests', { org: orgId, status: 'closed', from: query.from }),
    },
    {
      key: 'overdue',
      title: t('逾期未办结', 'Overdue'),
      value: s.requests.overdue.toLocaleString('en-US'),
      href: withQuery('/requests', { org: orgId, overdue: 'true' }),
      bad: s.requests.overdue > 0,
    },
    {
      key: 'satisfaction',
      title: t('群众满意率', 'Satisfaction'),
      value: pct(s.requests.satisfactionRate),
      href: stats,
    },
    {
      key: 'wishes',
      title: t('微心愿实现', 'Wishes fulfilled'),
      value: `${s.wishes.fulfilled.toLocaleString('en-US')} / ${s.wishes.collected.toLocaleString('en-US')}`,
      href: withQuery('/wishes', { org: orgId }),
    },
    {
      key: 'groups',
      title: t('联户覆盖率', 'Households in groups'),
      value: pct(s.groups.coverageRate),
      href: withQuery('/household-groups', { org: orgId }),
    },
  ];
  return (
    <section
      className="dj-card dj-span-all"
      style={{ marginTop: 16 }}
      aria-label={t('为民服务', 'Serving residents')}
      data-testid="home-service"
    >
      <h2 className="dj-card-title">
        <Link to={stats}>{t('为民服务', 'Serving residents')}</Link>
      </h2>
      <div className="dj-grid-stats">
        {items.map((it) => (
          <Link key={it.key} to={it.href} className="dj-stat" data-testid={`home-service-${it.key}`}>
            <div className="dj-stat-title">{it.title}</div>
            <div className="dj-stat-value" style={it.bad ? { color: '#a8071a' } : undefined}>
              {it.value}
            </div>
          </Link>
        ))}
      </div>
    </section>
  );
}

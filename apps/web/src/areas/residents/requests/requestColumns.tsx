/** The columns of the requests list (民情诉求): number, accepted, text, level, status, due date, handler, rating. */
import { Tag } from 'antd';
import { Link } from 'react-router';
import { REQUEST_CATEGORIES, REQUEST_CHANNELS } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import type { ListColumn } from '../../../components/list/ListPage';
import { chinaDateTime, daysLate, daysUntil, type RequestItem } from './requestModel';
import { LevelTag, RatingTag, RequestStatusTag } from './RequestParts';

/** The columns of the requests list. */
export function useRequestColumns(): ListColumn<RequestItem>[] {
  const t = useT();
  const lbl = useLabel();
  return [
    {
      title: t('受理编号', 'No.'),
      dataIndex: 'requestNo',
      width: 110,
      render: (v: string) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="request-no">
          {v}
        </span>
      ),
    },
    {
      title: t('受理时间', 'Accepted'),
      dataIndex: 'acceptedAt',
      width: 140,
      render: (v: string) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{chinaDateTime(v)}</span>
      ),
    },
    {
      title: t('诉求内容', 'Request'),
      dataIndex: 'description',
      render: (v: string, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/requests/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="request-link">
            {v.length > 60 ? `${v.slice(0, 60)}…` : v}
          </Link>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {lbl(REQUEST_CATEGORIES, r.category)} · {lbl(REQUEST_CHANNELS, r.channel)} ·{' '}
            {r.householdHead ? t(`${r.householdHead}户`, `${r.householdHead} household`) : null}
            {r.householdHead && r.residentName && r.residentName !== r.householdHead ? ` · ${r.residentName}` : null}
            {r.householdHead ? null : (r.residentName ?? t('匿名', 'Anonymous'))}
          </div>
        </div>
      ),
    },
    { title: t('办理方式', 'Level'), dataIndex: 'level', width: 100, render: (v: string) => <LevelTag level={v} /> },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 150,
      render: (v: string, r) => <RequestStatusTag status={v} overdue={r.overdue} />,
    },
    {
      title: t('办结时限', 'Due'),
      dataIndex: 'dueAt',
      width: 130,
      render: (v: string | null, r) => {
        if (!v) return <span className="dj-muted">—</span>;
        const d = daysUntil(v);
        const late = daysLate(v);
        return (
          <span className={r.overdue ? 'sv-due-late' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {chinaDateTime(v).slice(0, 10)}
            {r.status !== 'closed' && d != null ? (
              <div style={{ fontSize: 12 }}>
                {late ? t(`已逾期 ${late} 天`, `${late} days late`) : t(`剩 ${d} 天`, `${d} days left`)}
              </div>
            ) : null}
          </span>
        );
      },
    },
    {
      title: t('承办', 'Handled by'),
      key: 'handler',
      width: 180,
      render: (_, r) => (
        <div>
          <div>{r.orgName}</div>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {[r.ownerName, r.department].filter(Boolean).join(' · ') || t('未指定责任人', 'No owner yet')}
            {r.escalations ? (
              <Tag color="error" style={{ marginInlineStart: 4 }}>
                {t(`上移 ${r.escalations}`, `Escalated ${r.escalations}`)}
              </Tag>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      title: t('评价', 'Rating'),
      dataIndex: 'rating',
      width: 100,
      render: (v: string | null) => <RatingTag rating={v} />,
    },
  ];
}

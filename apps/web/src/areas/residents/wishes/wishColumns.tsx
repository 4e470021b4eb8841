/** The columns of the wishes list (微心愿): posted, wish, resident, status, claimer, claim due. */
import { Link } from 'react-router';
import { WISH_KINDS, WISH_SOURCES } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import type { ListColumn } from '../../../components/list/ListPage';
import { chinaDateTime, type WishItem } from '../requests/requestModel';
import { WishStatusTag } from '../requests/RequestParts';

/** The columns of the wishes list. */
export function useWishColumns(): ListColumn<WishItem>[] {
  const t = useT();
  const lbl = useLabel();
  return [
    { title: t('提交时间', 'Posted'), dataIndex: 'createdAt', width: 140, render: (v: string) => chinaDateTime(v) },
    {
      title: t('心愿', 'Wish'),
      dataIndex: 'title',
      render: (v: string, w) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/wishes/${w.id}`} onClick={(e) => e.stopPropagation()} data-testid="wish-link">
            {v}
          </Link>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {lbl(WISH_KINDS, w.kind)} · {w.orgName} · {lbl(WISH_SOURCES, w.postedVia)}
          </div>
        </div>
      ),
    },
    {
      title: t('群众', 'Resident'),
      key: 'resident',
      width: 150,
      render: (_, w) => (w.residentName || w.phone ? `${w.residentName ?? ''} ${w.phone ?? ''}`.trim() : '—'),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 130,
      render: (v: string) => <WishStatusTag status={v} />,
    },
    {
      title: t('认领党员', 'Claimed by'),
      key: 'claimedBy',
      width: 150,
      render: (_, w) => (w.claimedBy ? <span>{w.claimedBy.name}</span> : '—'),
    },
    {
      title: t('认领时限', 'Claim due'),
      dataIndex: 'claimDueAt',
      width: 120,
      render: (v: string | null, w) => (v && w.status === 'claimed' ? chinaDateTime(v).slice(0, 10) : '—'),
    },
  ];
}

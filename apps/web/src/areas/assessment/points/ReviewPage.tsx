/** 积分审核 (`/points/review`): the manual entries waiting for the branch or the township, on ListPage. */
import { useState } from 'react';
import { Segmented, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { POINT_STATUSES } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ListPage } from '../../../components/list/ListPage';
import { type PointItem, STATUS_COLOR, signed, whatOf } from './pointModel';

/** The page. */
export default function ReviewPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const township = hasCap(me, 'points.approve');
  const [status, setStatus] = useState<'submitted' | 'branch_approved'>(township ? 'branch_approved' : 'submitted');
  return (
    <ListPage<PointItem>
      title={t('积分审核', 'Manual entries to approve')}
      endpoint="/api/points"
      queryKey="points-review"
      orgScoped
      fixedQuery={{ status, event: 'manual' }}
      filterExtra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'submitted', label: t('待支部审核', 'Awaiting the branch') },
            { value: 'branch_approved', label: t('待乡镇审核', 'Awaiting the township') },
          ]}
          data-testid="points-review-tab"
        />
      }
      columns={[
        { title: t('党员', 'Member'), dataIndex: 'memberName', width: 100 },
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
        { title: t('日期', 'Date'), dataIndex: 'occurredOn', width: 110 },
        { title: t('类别', 'Kind'), dataIndex: 'kind', width: 170, render: (_: unknown, r) => whatOf(r, lbl) },
        {
          title: t('分值', 'Points'),
          dataIndex: 'points',
          width: 80,
          align: 'right',
          render: (v: number) => signed(v),
        },
        { title: t('事由', 'Note'), dataIndex: 'note', width: 220, ellipsis: true },
        { title: t('佐证材料', 'Evidence'), dataIndex: 'evidence', width: 220, ellipsis: true },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 110,
          render: (v: string) => <Tag color={STATUS_COLOR[v]}>{lbl(POINT_STATUSES, v)}</Tag>,
        },
      ]}
      scrollX={1200}
      onRowClick={(r) => navigate(`/points/${r.id}`)}
      total={{ testId: 'points-review-total', text: (n) => t(`共 ${n} 条待审核`, `${n} waiting`) }}
      emptyText={t('没有待审核的加减分', 'Nothing waits for approval')}
    />
  );
}

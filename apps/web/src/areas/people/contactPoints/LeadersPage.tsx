/**
 * County leaders' contact points (`/contact-points`, 县级领导联系点) on ListPage: each leader with the
 * organizations guided and the weak ones taken on (包抓), this year's visits and open issues. The county manages;
 * a township sees the leaders holding a point in its subtree.
 */
import { Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { ContactLeaderItemT } from '@dangjian/contracts';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter } from '../../../components/list/listParts';

/** The leaders page. */
export default function LeadersPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'contactPoints.write');
  return (
    <ListPage<ContactLeaderItemT>
      title={t('县级领导联系点', "Leaders' contact points")}
      endpoint="/api/contact-points/leaders"
      queryKey="contact-leaders"
      disabled={!hasCap(me, 'contactPoints.read')}
      filters={[searchFilter(t('搜索', 'Search'), t('姓名或职务', 'Name or post'), { maxLength: 40 })]}
      columns={[
        { title: t('姓名', 'Name'), dataIndex: 'name', width: 100 },
        { title: t('职务', 'Post'), dataIndex: 'post', width: 200 },
        {
          title: t('联系点', 'Contact points'),
          key: 'points',
          render: (_: unknown, r) =>
            r.points.length ? (
              <Space wrap size={4}>
                {r.points.map((p) => (
                  <Link key={p.id} to={`/contact-points/${p.id}`} onClick={(e) => e.stopPropagation()}>
                    <Tag color={p.kind === 'weak_takeover' ? 'volcano' : 'blue'}>
                      {p.kind === 'weak_takeover' ? t('包抓·', 'Weak·') : ''}
                      {p.orgName}
                    </Tag>
                  </Link>
                ))}
              </Space>
            ) : (
              <span className="dj-muted">{t('尚未确定联系点', 'None yet')}</span>
            ),
        },
        { title: t('今年走访', 'Visits this year'), dataIndex: 'visits', width: 100 },
        { title: t('待解决问题', 'Open issues'), dataIndex: 'openIssues', width: 100 },
      ]}
      scrollX={900}
      onRowClick={(r) => navigate(`/contact-points/leaders/${r.id}`)}
      recycle={recycleBin('contactPoints.write', (r: ContactLeaderItemT) => r.name)}
      actions={
        <Space>
          <NewButton show={canWrite} onClick={() => navigate('/contact-points/new')} testId="new-contact-point">
            {t('确定联系点', 'Add a contact point')}
          </NewButton>
          {canWrite ? (
            <Link to="/contact-points/leaders/new" data-testid="new-contact-leader">
              {t('登记县级领导', 'Record a leader')}
            </Link>
          ) : null}
        </Space>
      }
      total={{ testId: 'contact-leaders-total', text: (n) => t(`共 ${n} 位县级领导`, `${n} leaders`) }}
      emptyText={t('没有县级领导联系点', 'No contact point')}
    />
  );
}

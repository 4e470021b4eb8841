/** Micro-wishes (微心愿, `/wishes`) on ListPage: filters, posting for a resident, recycle bin. */
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { residentsBin, useAddForOrg } from '../common/listParts';
import type { WishItem } from '../requests/requestModel';
import { useWishColumns } from './wishColumns';
import { WishModal } from './WishModal';

/** The wishes page. */
export default function WishesPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const adding = useAddForOrg();

  const columns = useWishColumns();
  const filters: ListFilter[] = [
    searchFilter(t('搜索心愿', 'Search wishes'), t('标题、内容或姓名', 'Title, text or name'), { maxLength: 40 }),
    selectFilter('kind', t('类型', 'Kind'), opts(WISH_KINDS), 120),
    selectFilter('status', t('状态', 'Status'), opts(WISH_STATUSES), 150),
  ];
  if (me?.memberId) filters.push({ kind: 'check', key: 'mine', label: t('我认领的', 'Claimed by me') });

  return (
    <ListPage<WishItem>
      title={t('微心愿', 'Micro-wishes')}
      endpoint="/api/wishes"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={1000}
      onRowClick={(w) => navigate(`/wishes/${w.id}`)}
      recycle={residentsBin((w) => w.title, t('微心愿回收站', 'Wishes recycle bin'), t('返回', 'Back'))}
      actions={({ url }) => (
        <>
          <Button href="/m/wishes" target="_blank">
            {t('公开心愿墙', 'Public wall')}
          </Button>
          <NewButton show={hasCap(me, 'residents.write')} onClick={() => adding.start(url)} testId="new-wish">
            {t('代群众提交', 'Post for a resident')}
          </NewButton>
        </>
      )}
      total={{ testId: 'wish-total', text: (n) => t(`共 ${n} 条`, `${n} wishes`) }}
      emptyText={t('没有符合条件的心愿', 'No wish matches')}
    >
      {adding.open ? (
        <WishModal
          {...adding.org}
          onClose={adding.stop}
          onSaved={(w) => adding.saved(t('心愿已提交', 'Wish posted'), 'wishes', `/wishes/${w.id}`)}
        />
      ) : null}
    </ListPage>
  );
}

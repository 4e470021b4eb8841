/** Proxy errands (党员代办, `/errands`, `/errands/:id` opens the drawer) on ListPage: record, steps, recycle bin. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ERRAND_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { residentsBin, useAddForOrg } from '../common/listParts';
import type { ErrandItem } from '../requests/requestModel';
import { useErrandColumns } from './errandColumns';
import { ErrandDrawer } from './ErrandDrawer';
import { ErrandModal } from './ErrandModal';

/** The errands page. */
export default function ErrandsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { id: openId } = useParams();
  const [params] = useSearchParams();
  const adding = useAddForOrg();
  const search = params.toString() ? `?${params.toString()}` : '';
  const open = (e: ErrandItem) => navigate(`/errands/${e.id}${search}`);

  const columns = useErrandColumns(search, open);
  const filters: ListFilter[] = [
    searchFilter(t('搜索代办', 'Search errands'), t('事项、群众或卡号', 'Errand, resident or card'), { maxLength: 40 }),
    selectFilter('status', t('状态', 'Status'), opts(ERRAND_STATUSES), 130),
  ];
  if (me?.memberId) filters.push({ kind: 'check', key: 'mine', label: t('我承办的', 'Mine') });

  return (
    <ListPage<ErrandItem>
      title={t('党员代办', 'Proxy errands')}
      endpoint="/api/errands"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={900}
      onRowClick={open}
      recycle={residentsBin((e) => e.title, t('代办回收站', 'Errands recycle bin'), t('返回', 'Back'))}
      actions={({ url }) => (
        <NewButton
          show={hasCap(me, 'residents.write') || hasCap(me, 'residents.claim')}
          onClick={() => adding.start(url)}
          testId="new-errand"
        >
          {t('登记代办', 'Record an errand')}
        </NewButton>
      )}
      total={{ text: (n) => t(`共 ${n} 项`, `${n} errands`) }}
      emptyText={t('没有符合条件的代办事项', 'No errand matches')}
    >
      {adding.open ? (
        <ErrandModal
          {...adding.org}
          onClose={adding.stop}
          onSaved={(e) => adding.saved(t('已登记', 'Recorded'), 'errands', `/errands/${e.id}`)}
        />
      ) : null}
      {openId ? (
        <ErrandDrawer
          id={Number(openId)}
          onClose={() => navigate(`/errands${search}`)}
          onChanged={() => {
            qc.invalidateQueries({ queryKey: ['errands'] });
            qc.invalidateQueries({ queryKey: ['service-stats'] });
          }}
        />
      ) : null}
    </ListPage>
  );
}

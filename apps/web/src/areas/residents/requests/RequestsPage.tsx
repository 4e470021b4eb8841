/** The requests (民情诉求, `/requests`) on ListPage: handling or accepted view, filters, overdue rows in red. */
import { Segmented } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
} from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
import type { RequestItem } from './requestModel';
import { useRequestColumns } from './requestColumns';

/** The requests page. */
export default function RequestsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const columns = useRequestColumns();
  const view = params.get('view') ?? 'handling';

  const filters: ListFilter[] = [
    {
      kind: 'custom',
      key: 'view',
      label: t('视图', 'View'),
      render: (v, set) => (
        <Segmented
          aria-label={t('视图', 'View')}
          value={v ?? 'handling'}
          onChange={(x) => set(x === 'handling' ? null : String(x))}
          options={[
            { value: 'handling', label: t('本级承办', 'Handled here') },
            { value: 'accepted', label: t('本级受理', 'Accepted here') },
          ]}
          data-testid="request-view"
        />
      ),
    },
    searchFilter(t('搜索诉求', 'Search requests'), t('编号、内容、姓名或电话', 'Number, text, name or phone'), {
      maxLength: 40,
      testId: 'request-search',
    }),
    selectFilter('status', t('状态', 'Status'), opts(REQUEST_STATUSES), 120),
    selectFilter('level', t('办理方式', 'Level'), opts(REQUEST_LEVELS), 120),
    selectFilter('channel', t('渠道', 'Channel'), opts(REQUEST_CHANNELS), 120),
    selectFilter('category', t('类别', 'Category'), opts(REQUEST_CATEGORIES), 120),
    selectFilter('rating', t('评价', 'Rating'), opts(SATISFACTION), 120),
    {
      kind: 'dateRange',
      key: 'from',
      keyTo: 'to',
      label: t('受理日期', 'Accepted between'),
      placeholder: t('受理起', 'From'),
      placeholderTo: t('受理止', 'To'),
    },
    { kind: 'check', key: 'overdue', label: t('只看逾期', 'Overdue only'), testId: 'overdue-filter' },
  ];

  return (
    <ListPage<RequestItem>
      title={t('民情诉求', 'Residents’ requests')}
      endpoint="/api/requests"
      orgScoped
      filters={filters}
      fixedQuery={{ view }}
      columns={columns}
      scrollX={1100}
      rowClassName={(r) => (r.overdue ? 'sv-row-overdue' : '')}
      onRowClick={(r) => navigate(`/requests/${r.id}`)}
      recycle={residentsBin(
        (r: RequestItem) => t(`诉求 ${r.id}`, `request ${r.id}`),
        t('民情诉求回收站', 'Requests recycle bin'),
        t('返回诉求列表', 'Back to the requests'),
        ['service-stats'],
      )}
      exportPath="/api/requests/export"
      exportLabel={t('导出', 'Export')}
      actions={({ url }) => (
        <NewButton
          show={hasCap(me, 'residents.write')}
          onClick={() => navigate(withQuery('/requests/new', { org: url.query.org }))}
          testId="new-request"
        >
          {t('受理诉求', 'Accept a request')}
        </NewButton>
      )}
      total={{ testId: 'request-total', text: (n) => t(`共 ${n} 条诉求`, `${n} requests`) }}
      emptyText={t('没有符合条件的诉求', 'No request matches')}
    />
  );
}

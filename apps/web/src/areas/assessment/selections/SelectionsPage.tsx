/** Selections (`/selections`): those of the caller's organization and of the committees above it. */
import { Tag } from 'antd';
import { useNavigate } from 'react-router';
import { SELECTION_KINDS, SELECTION_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, selectFilter } from '../../../components/list/listParts';
import { YEARS } from '../reports/reportModel';
import { SELECTION_STATUS_COLOR, type SelectionItem } from './selectionModel';

/** The list of selections. */
export default function SelectionsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <ListPage<SelectionItem>
      title={t('评选表彰', 'Selections')}
      endpoint="/api/selections"
      filters={[
        selectFilter(
          'year',
          t('年度', 'Year'),
          YEARS.map((y) => ({ value: y, label: y })),
          100,
        ),
        selectFilter('kind', t('评选类型', 'Kind'), opts(SELECTION_KINDS), 150),
        selectFilter('status', t('状态', 'Status'), opts(SELECTION_STATUSES), 120),
      ]}
      columns={[
        { title: t('评选名称', 'Title'), dataIndex: 'title', width: 280 },
        { title: t('组织单位', 'Organizer'), dataIndex: 'orgName', width: 150 },
        { title: t('评选类型', 'Kind'), dataIndex: 'kind', width: 120, render: (v: string) => lbl(SELECTION_KINDS, v) },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 100,
          render: (v: string) => <Tag color={SELECTION_STATUS_COLOR[v]}>{lbl(SELECTION_STATUSES, v)}</Tag>,
        },
        { title: t('名额', 'Places'), dataIndex: 'places', width: 70 },
        { title: t('候选人', 'Candidates'), dataIndex: 'nominees', width: 80 },
        { title: t('当选', 'Winners'), dataIndex: 'winners', width: 70 },
        {
          title: t('推荐期', 'Nominations'),
          dataIndex: 'nominateFrom',
          width: 200,
          render: (_: unknown, r) => `${r.nominateFrom} ~ ${r.nominateTo}`,
        },
      ]}
      scrollX={1100}
      onRowClick={(r) => navigate(`/selections/${r.id}`)}
      recycle={recycleBin('selections.manage', (r: SelectionItem) => r.title)}
      actions={
        <NewButton
          show={hasCap(me, 'selections.manage')}
          onClick={() => navigate('/selections/new')}
          testId="new-selection"
        >
          {t('发布评选', 'Announce a selection')}
        </NewButton>
      }
      total={{ testId: 'selection-total', text: (n) => t(`共 ${n} 项评选`, `${n} selections`) }}
      emptyText={t('还没有评选表彰', 'No selections yet')}
    />
  );
}

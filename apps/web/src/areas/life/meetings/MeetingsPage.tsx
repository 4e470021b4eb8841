/** The meeting records (`/meetings`): paging, filters, incomplete and late flags, recycle bin, yearbook export. */
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEETING_KIND_LABELS } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage, useListUrl } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { BRANCH_TYPES, thisYear, type MeetingSummary } from './model';
import { AttendanceCell, KindTag, RecordFlags, useOrg, YearbookExport } from './parts';

/** The meetings page. */
export default function MeetingsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const { query } = useListUrl([], true);
  const canWrite = hasCap(me, 'meetings.write');
  const initialYear = Number((params.get('from') ?? '').slice(0, 4)) || thisYear();
  // The organization the list is narrowed to (the URL's, the switcher's, or the user's own).
  const effectiveOrg = Number(query.org ?? me?.orgId ?? 0) || null;
  const orgInfo = useOrg(effectiveOrg);
  const isBranch = !!orgInfo.data && BRANCH_TYPES.includes(orgInfo.data.type);
  const newHref = withQuery('/meetings/new', { org: query.org, kind: params.get('kind') });

  const columns: ListColumn<MeetingSummary>[] = [
    {
      title: t('日期时间', 'Date and time'),
      dataIndex: 'heldOn',
      width: 150,
      render: (v: string, m) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {v} {m.startTime}
        </span>
      ),
    },
    { title: t('组织', 'Organization'), dataIndex: 'orgName', ellipsis: true, width: 180 },
    { title: t('类型', 'Kind'), dataIndex: 'kind', width: 130, render: (v: string) => <KindTag kind={v} /> },
    {
      title: t('议题', 'Topic'),
      dataIndex: 'topic',
      render: (v: string, m) => (
        <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()} data-testid="meeting-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('出席', 'Attendance'),
      width: 130,
      render: (_, m) => <AttendanceCell m={m} />,
    },
    { title: t('纪实', 'Record'), width: 170, render: (_, m) => <RecordFlags m={m} /> },
  ];

  return (
    <ListPage<MeetingSummary>
      title={t('会议记录', 'Meeting records')}
      endpoint="/api/meetings"
      orgScoped
      filters={[
        searchFilter(t('搜索议题', 'Search topics'), t('议题关键词', 'Topic words'), {
          maxLength: 40,
          testId: 'meeting-search',
        }),
        selectFilter('kind', t('会议类型', 'Kind'), opts(MEETING_KIND_LABELS), 170, 'kind-filter'),
        { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('召开日期', 'Held between') },
        {
          kind: 'check',
          key: 'incomplete',
          label: t('只看纪实不完整', 'Incomplete records only'),
          testId: 'incomplete-filter',
        },
      ]}
      columns={columns}
      scrollX={1000}
      onRowClick={(m) => navigate(`/meetings/${m.id}`)}
      recycle={recycleBin('meetings.write', (m: MeetingSummary) => m.topic, {
        title: t('会议记录回收站', 'Meetings recycle bin'),
        back: t('返回会议记录', 'Back to the records'),
      })}
      rowActionsWidth={90}
      actions={
        <>
          <NewButton show={canWrite} onClick={() => navigate(newHref)} testId="new-meeting">
            {t('录入会议', 'Record a meeting')}
          </NewButton>
          {isBranch ? <YearbookExport org={effectiveOrg} initialYear={initialYear} /> : null}
        </>
      }
      total={{ testId: 'meeting-total', text: (n) => t(`共 ${n} 次会议`, `${n} meetings`) }}
      emptyText={t('没有符合条件的会议记录', 'No meeting matches')}
    />
  );
}

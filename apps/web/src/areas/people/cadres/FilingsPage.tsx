/**
 * 书记备案 (`/cadres/filings`): new party secretaries filed by the townships with the county (待确认, 已备案,
 * 已退回 with the reason), by state, year and term; the township files a new one here.
 */
import { useState } from 'react';
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { FILING_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { FILING_COLOR, type FilingItem, latestTerm, termOptions } from './cadreModel';
import { FileDialog } from './FilingDialogs';

/** The list of filings. */
export default function FilingsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const filters: ListFilter[] = [
    searchFilter(t('姓名', 'Name'), t('书记姓名', 'Name of the secretary'), { maxLength: 40 }),
    selectFilter('status', t('备案状态', 'State'), opts(FILING_STATUSES), 220, 'filing-status-filter'),
    selectFilter(
      'term',
      t('届次', 'Term'),
      termOptions(latestTerm()).map((y) => ({ value: String(y), label: t(`${y}年换届`, `${y} term`) })),
      130,
    ),
  ];
  return (
    <ListPage<FilingItem>
      title={t('书记备案', "Secretaries' filings")}
      endpoint="/api/cadres/filings"
      queryKey="cadre-filings"
      orgScoped
      filters={filters}
      columns={[
        { title: t('书记', 'Secretary'), dataIndex: 'cadreName', width: 100 },
        {
          title: t('村（社区）', 'Village'),
          dataIndex: 'orgName',
          width: 220,
          render: (v: string, r) => (
            <>
              {v}
              {r.townshipName ? <div className="dj-muted">{r.townshipName}</div> : null}
            </>
          ),
        },
        { title: t('届次', 'Term'), dataIndex: 'term', width: 90, render: (v: number) => t(`${v}年`, String(v)) },
        { title: t('任职日期', 'Appointed on'), dataIndex: 'appointedOn', width: 110 },
        { title: t('报备日期', 'Filed on'), dataIndex: 'filedOn', width: 110 },
        {
          title: t('状态', 'State'),
          dataIndex: 'status',
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              <Tag color={FILING_COLOR[r.status]}>{lbl(FILING_STATUSES, r.status)}</Tag>
              {r.status === 'returned' && r.returnReason ? (
                <span style={{ color: '#b3141f' }}>{r.returnReason}</span>
              ) : null}
              {r.acknowledgedOn && r.status === 'acknowledged' ? (
                <span className="dj-muted">{r.acknowledgedOn}</span>
              ) : null}
            </Space>
          ),
        },
      ]}
      scrollX={900}
      onRowClick={(r) => navigate(`/cadres/filings/${r.id}`)}
      recycle={recycleBin('cadres.file', (r: FilingItem) => t(`${r.cadreName}的备案`, `filing of ${r.cadreName}`))}
      actions={
        <NewButton show={hasCap(me, 'cadres.file')} onClick={() => setOpen(true)} testId="new-filing">
          {t('报县备案', 'File a secretary')}
        </NewButton>
      }
      total={{ testId: 'filing-total', text: (n) => t(`共 ${n} 份备案`, `${n} filings`) }}
      emptyText={t('没有符合条件的书记备案', 'No filing matches')}
    >
      {open ? <FileDialog onSaved={(r) => navigate(`/cadres/filings/${r.id}`)} onClose={() => setOpen(false)} /> : null}
    </ListPage>
  );
}

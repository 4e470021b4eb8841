/**
 * 任前联审 (`/cadres/reviews`): candidates put to the joint review of the units before the appointment, with how
 * many units cleared and which stopped (in red); the township opens a review here.
 */
import { useState } from 'react';
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { REVIEW_STATUSES, REVIEW_UNITS, cadrePostLabel } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { latestTerm, REVIEW_COLOR, type ReviewItem, termOptions } from './cadreModel';
import { ReviewDialog } from './FilingDialogs';

/** The list of joint reviews. */
export default function ReviewsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const filters: ListFilter[] = [
    searchFilter(t('姓名', 'Name'), t('人选姓名', 'Name of the candidate'), { maxLength: 40 }),
    selectFilter('status', t('联审状态', 'State'), opts(REVIEW_STATUSES), 150, 'review-status-filter'),
    selectFilter(
      'term',
      t('届次', 'Term'),
      termOptions(latestTerm()).map((y) => ({ value: String(y), label: t(`${y}年换届`, `${y} term`) })),
      130,
    ),
  ];
  return (
    <ListPage<ReviewItem>
      title={t('任前联审', 'Joint reviews')}
      endpoint="/api/cadres/reviews"
      queryKey="cadre-reviews"
      orgScoped
      filters={filters}
      columns={[
        { title: t('人选', 'Candidate'), dataIndex: 'cadreName', width: 100 },
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
        {
          title: t('拟任职务', 'Proposed post'),
          dataIndex: 'post',
          width: 180,
          render: (_: unknown, r) => {
            const w = cadrePostLabel(r.committee, r.post);
            return `${t(`${r.term}年`, `${r.term} `)} ${t(w.zh, w.en)}`;
          },
        },
        {
          title: t('联审进度', 'Progress'),
          dataIndex: 'cleared',
          width: 130,
          render: (v: number, r) => t(`${v} / ${r.units.length} 个单位无异议`, `${v} of ${r.units.length} clear`),
        },
        {
          title: t('状态', 'State'),
          dataIndex: 'status',
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              <Tag color={REVIEW_COLOR[r.status]}>{lbl(REVIEW_STATUSES, r.status)}</Tag>
              {r.stoppedBy.length ? (
                <span style={{ color: '#b3141f' }}>
                  {r.stoppedBy.map((u) => lbl(REVIEW_UNITS, u)).join('、')}
                  {t('提出问题', ' stopped')}
                </span>
              ) : null}
            </Space>
          ),
        },
      ]}
      scrollX={950}
      onRowClick={(r) => navigate(`/cadres/reviews/${r.id}`)}
      recycle={recycleBin('cadres.write', (r: ReviewItem) => t(`${r.cadreName}的联审`, `review of ${r.cadreName}`))}
      actions={
        <NewButton show={hasCap(me, 'cadres.write')} onClick={() => setOpen(true)} testId="new-review">
          {t('提请联审', 'Open a review')}
        </NewButton>
      }
      total={{ testId: 'review-total', text: (n) => t(`共 ${n} 名人选`, `${n} candidates`) }}
      emptyText={t('没有符合条件的联审', 'No review matches')}
    >
      {open ? (
        <ReviewDialog onSaved={(r) => navigate(`/cadres/reviews/${r.id}`)} onClose={() => setOpen(false)} />
      ) : null}
    </ListPage>
  );
}

/**
 * Pieces shared by the requests, wishes and errands pages: status tags, the timeline, pickers of households and
 * members.
 */
import { useState } from 'react';
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  ERRAND_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
  WISH_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage, Member } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { chinaDateTime, type HouseholdHit, type ResidentsEvent } from './requestModel';
import './Request.css';

const REQUEST_STATUS_COLORS: Record<string, string> = { open: 'processing', closed: 'success', reopened: 'warning' };
const LEVEL_COLORS: Record<string, string> = { on_the_spot: 'green', studied: 'blue', coordinated: 'purple' };
const WISH_STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  claimed: 'gold',
  fulfilled: 'cyan',
  confirmed: 'success',
  withdrawn: 'default',
};
const ERRAND_STATUS_COLORS: Record<string, string> = {
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};
const RATING_COLORS: Record<string, string> = { satisfied: 'success', fairly_satisfied: 'gold', dissatisfied: 'error' };

/** A request's status; overdue ones get a red 逾期 tag beside it. */
export function RequestStatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const lbl = useLabel();
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={REQUEST_STATUS_COLORS[status]} style={{ marginInlineEnd: 4 }} data-status={status}>
        {lbl(REQUEST_STATUSES, status)}
      </Tag>
      {overdue ? (
        <Tag color="error" data-testid="flag-overdue" style={{ marginInlineEnd: 0 }}>
          {t('逾期', 'Overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

/** The handling level (当场办 / 研究办 / 协调办). */
export function LevelTag({ level }: { level: string }) {
  const lbl = useLabel();
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {lbl(REQUEST_LEVELS, level)}
    </Tag>
  );
}

/** The resident's rating. */
export function RatingTag({ rating }: { rating: string | null }) {
  const lbl = useLabel();
  if (!rating) return <span className="dj-muted">—</span>;
  return (
    <Tag color={RATING_COLORS[rating]} style={{ marginInlineEnd: 0 }}>
      {lbl(SATISFACTION, rating)}
    </Tag>
  );
}

/** A wish's status. */
export function WishStatusTag({ status }: { status: string }) {
  const lbl = useLabel();
  return (
    <Tag color={WISH_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {lbl(WISH_STATUSES, status)}
    </Tag>
  );
}

/** An errand's status. */
export function ErrandStatusTag({ status }: { status: string }) {
  const lbl = useLabel();
  return (
    <Tag color={ERRAND_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {lbl(ERRAND_STATUSES, status)}
    </Tag>
  );
}

/** Words for a timeline entry's kind (unknown kinds show as they are). */
export function useEventKind() {
  const t = useT();
  const names: Record<string, [string, string]> = {
    accepted: ['受理', 'Accepted'],
    created: ['登记', 'Recorded'],
    posted: ['提交', 'Posted'],
    assigned: ['指定责任人', 'Owner assigned'],
    transferred: ['转办', 'Transferred'],
    progress: ['办理进展', 'Progress'],
    step: ['办理步骤', 'Step'],
    closed: ['办结', 'Closed'],
    rated: ['群众评价', 'Rated'],
    reopened: ['重新办理', 'Reopened'],
    escalated: ['逾期上移', 'Escalated'],
    claimed: ['认领', 'Claimed'],
    released: ['超期释放', 'Released'],
    fulfilled: ['完成', 'Fulfilled'],
    confirmed: ['群众确认', 'Confirmed'],
    withdrawn: ['撤回', 'Withdrawn'],
    photo: ['上传照片', 'Photo added'],
    done: ['办结', 'Done'],
    cancelled: ['取消', 'Cancelled'],
    deleted: ['删除', 'Deleted'],
    restored: ['恢复', 'Restored'],
  };
  return (kind: string) => {
    const n = names[kind];
    return n ? t(n[0], n[1]) : kind;
  };
}

/** A timeline (时间轴) of service events, oldest first. */
export function EventTimeline({ events }: { events: ResidentsEvent[] | undefined }) {
  const t = useT();
  const kindName = useEventKind();
  const lbl = useLabel();
  // Some notes are a bare enum key (the channel of an acceptance, the rating given): show its label.
  const noteText = (note: string) =>
    note in SATISFACTION ? lbl(SATISFACTION, note) : note in REQUEST_CHANNELS ? lbl(REQUEST_CHANNELS, note) : note;
  if (!events?.length) return <p className="dj-muted">{t('暂无记录', 'Nothing recorded yet')}</p>;
  return (
    <ol className="sv-timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className={`sv-ev sv-ev-${e.kind}`}>
          <div className="sv-ev-head">
            <b>{kindName(e.kind)}</b>
            <span className="dj-muted">
              {chinaDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </span>
          </div>
          {e.fromOrg || e.toOrg ? (
            <div className="sv-ev-orgs">
              {e.fromOrg && e.toOrg ? `${e.fromOrg.name} → ${e.toOrg.name}` : (e.fromOrg ?? e.toOrg)?.name}
            </div>
          ) : null}
          {e.note ? <div className="sv-ev-note">{noteText(e.note)}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/** A household picker over `GET /api/households?q=` (head name, address, phone). */
export function HouseholdPicker({
  org,
  value,
  onChange,
  id,
}: {
  org?: number | null;
  value?: number | null;
  onChange?: (v: number | null, h?: HouseholdHit) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['households', 'pick', org ?? null, q],
    queryFn: ({ signal }) =>
      api.get<ListPage<HouseholdHit>>(
        '/api/households',
        { org: org ?? undefined, q: q || undefined, pageSize: 20 },
        signal,
      ),
    enabled: q.length > 0 || !!org,
  });
  const items = found.data?.items ?? [];
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(
          v ?? null,
          items.find((h) => h.id === v),
        )
      }
      options={items.map((h) => ({ value: h.id, label: `${h.headName} · ${h.address}（${h.orgName}）` }))}
      loading={found.isFetching}
      placeholder={t('输入户主姓名、地址或电话查找', 'Type the head, address or phone')}
      notFoundContent={found.isFetching ? t('查找中…', 'Searching…') : t('没有匹配的户', 'No matching household')}
    />
  );
}

/** A member picker over `GET /api/members?q=` answering the id and the name. */
export function MemberPicker({
  org,
  value,
  onChange,
  id,
  placeholder,
}: {
  org?: number | null;
  value?: number | null;
  onChange?: (v: number | null, name?: string) => void;
  id?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['members', 'pick', org ?? null, q],
    queryFn: ({ signal }) =>
      api.get<ListPage<Member>>('/api/members', { org: org ?? undefined, q: q || undefined, pageSize: 20 }, signal),
  });
  const items = found.data?.items ?? [];
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null, items.find((m) => m.id === v)?.name)}
      options={items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
      loading={found.isFetching}
      placeholder={placeholder ?? t('输入姓名或拼音查找党员', 'Type a name or pinyin')}
      notFoundContent={t('没有匹配的党员', 'No matching member')}
    />
  );
}

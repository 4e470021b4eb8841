/**
 * Pieces shared by the requests, wishes and errands pages: status tags, the timeline, pickers of households and
 * members.
 */
import { useState } from 'react';
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  type Labelled,
  ERRAND_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
  WISH_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage, Member } from '../../../api/types';
import { Timeline } from '../../../components/Timeline';
import { useLabel, useT } from '../../../app/i18n';
import type { HouseholdHit, ResidentsEvent } from './requestModel';
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

/** The words of the timeline's event kinds (requests, wishes, errands). */
export const RESIDENTS_EVENT_KINDS: Record<string, Labelled> = {
  accepted: { zh: '受理', en: 'Accepted' },
  created: { zh: '登记', en: 'Recorded' },
  posted: { zh: '提交', en: 'Posted' },
  assigned: { zh: '指定责任人', en: 'Owner assigned' },
  transferred: { zh: '转办', en: 'Transferred' },
  progress: { zh: '办理进展', en: 'Progress' },
  step: { zh: '办理步骤', en: 'Step' },
  closed: { zh: '办结', en: 'Closed' },
  rated: { zh: '群众评价', en: 'Rated' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  escalated: { zh: '逾期上移', en: 'Escalated' },
  claimed: { zh: '认领', en: 'Claimed' },
  released: { zh: '超期释放', en: 'Released' },
  fulfilled: { zh: '完成', en: 'Fulfilled' },
  confirmed: { zh: '群众确认', en: 'Confirmed' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  photo: { zh: '上传照片', en: 'Photo added' },
  done: { zh: '办结', en: 'Done' },
  cancelled: { zh: '取消', en: 'Cancelled' },
  deleted: { zh: '删除', en: 'Deleted' },
  restored: { zh: '恢复', en: 'Restored' },
};

/** The name of a timeline event kind. */
export function useEventKind() {
  const lbl = useLabel();
  return (kind: string) => (kind in RESIDENTS_EVENT_KINDS ? lbl(RESIDENTS_EVENT_KINDS, kind) : kind);
}

/** The timeline of a request, wish or errand: the kit's Timeline with the residents' words. */
export function EventTimeline({ events }: { events: ResidentsEvent[] | undefined }) {
  const lbl = useLabel();
  // Some notes are a bare enum key (the channel of an acceptance, the rating given): show its label.
  const noteText = (note: string) =>
    note in SATISFACTION ? lbl(SATISFACTION, note) : note in REQUEST_CHANNELS ? lbl(REQUEST_CHANNELS, note) : note;
  return <Timeline events={events} kinds={RESIDENTS_EVENT_KINDS} note={noteText} />;
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

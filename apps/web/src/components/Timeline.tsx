/**
 * Timeline: the events of a record, oldest first: what happened (the move's word), when (China time), who, the
 * organizations of a transfer and the note. Takes the `events` of a detail answer (the contracts' TimelineEvent of
 * the workflow kit has this shape) and the words for its kinds and states.
 *
 *   <Timeline events={r.events} kinds={REQUEST_EVENT_KINDS} states={REQUEST_STATUSES} />
 */
import type { ReactNode } from 'react';
import { Timeline as AntTimeline, Typography } from 'antd';
import type { Labelled } from '@dangjian/contracts';
import { useLabel, useT } from '../app/i18n';

/** What the timeline shows of an event. */
export interface TimelineEntry {
  id: number;
  /** The move's word (accepted, closed …). */
  kind: string;
  /** ISO instant. */
  at: string;
  actorName: string | null;
  fromState?: string | null;
  toState?: string | null;
  fromOrg?: { id: number; name: string } | null;
  toOrg?: { id: number; name: string } | null;
  note: string | null;
}

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as China time, `YYYY-MM-DD HH:mm` (wherever the browser is). */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = Object.fromEntries(CHINA_TIME.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The events in the order they happened (by time, then by id for events of the same instant). */
export function oldestFirst<E extends Pick<TimelineEntry, 'id' | 'at'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
}

/** The timeline of a record. */
export function Timeline({
  events,
  kinds,
  states,
  note,
  empty,
}: {
  events: readonly TimelineEntry[] | undefined;
  /** Words for the kinds (unknown kinds show as they are). */
  kinds?: Record<string, Labelled>;
  /** Words for the states of a move (`fromState → toState`). */
  states?: Record<string, Labelled>;
  /** How to show a note (e.g. a bare enum key as its label). */
  note?: (note: string, event: TimelineEntry) => ReactNode;
  empty?: ReactNode;
}) {
  const t = useT();
  const lbl = useLabel();
  if (!events?.length)
    return <Typography.Text type="secondary">{empty ?? t('暂无记录', 'Nothing recorded yet')}</Typography.Text>;
  const word = (kind: string) => (kinds && kind in kinds ? lbl(kinds, kind) : kind);
  const state = (s: string) => (states && s in states ? lbl(states, s) : s);
  return (
    <AntTimeline
      data-testid="timeline"
      items={oldestFirst(events).map((e) => ({
        key: e.id,
        content: (
          <div data-kind={e.kind}>
            <div>
              <b>{word(e.kind)}</b>{' '}
              <Typography.Text type="secondary">
                <time dateTime={e.at}>{chinaDateTime(e.at)}</time>
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
            </div>
            {e.fromState && e.toState && e.fromState !== e.toState ? (
              <div className="dj-muted">
                {state(e.fromState)} → {state(e.toState)}
              </div>
            ) : null}
            {e.fromOrg || e.toOrg ? (
              <div>{e.fromOrg && e.toOrg ? `${e.fromOrg.name} → ${e.toOrg.name}` : (e.fromOrg ?? e.toOrg)?.name}</div>
            ) : null}
            {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{note ? note(e.note, e) : e.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

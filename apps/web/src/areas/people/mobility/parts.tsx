/** Pieces the mobility pages share: the state tag, the timeline with its words, the menu group. */
import { useEffect } from 'react';
import { Button, Tag } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import {
  chinaToday,
  MOBILITY_EVENT_KINDS,
  MOBILITY_STATES,
  MOBILITY_STATUSES,
  type MobilityDetailT,
  type MobilityRecordT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';
import { DateField } from '../../../components/DateField';
import { Timeline } from '../../../components/Timeline';

export type MobilityItem = MobilityRecordT;
export type MobilityDetail = MobilityDetailT;

const COLORS: Record<string, string> = { local: 'default', flowing: 'blue', out_of_contact: 'red', returned: 'green' };

/** A record's state (away, out of contact, back) or a member's (local too), as a coloured tag. */
export function MobilityTag({ status }: { status: string }) {
  const lbl = useLabel();
  const words = status in MOBILITY_STATUSES ? MOBILITY_STATUSES : MOBILITY_STATES;
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="mobility-status">
      {lbl(words, status)}
    </Tag>
  );
}

/** A record's timeline, oldest first, in words. */
export function MobilityTimeline({ events }: { events: MobilityDetailT['events'] | undefined }) {
  return <Timeline events={events} kinds={MOBILITY_EVENT_KINDS} states={MOBILITY_STATUSES} />;
}

/** Where a member away is, in one line: place · workplace · party organization there. */
export function whereOf(r: MobilityRecordT): string {
  return [r.destination, r.unit, r.flowOrgName].filter(Boolean).join(' · ') || '—';
}

/** Delete (to the recycle bin, with a confirmation) or, once deleted, restore a record; for writers only. */
export function DeleteOrRestore({ id, deleted, onChanged }: { id: number; deleted: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const { data: me } = useMe();
  if (!hasCap(me, 'mobility.write')) return null;
  async function run(call: () => Promise<unknown>, done: string) {
    try {
      await call();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  if (deleted)
    return (
      <Button
        icon={<UndoOutlined />}
        onClick={() => run(() => api.post(`/api/mobility/${id}/restore`), t('已恢复', 'Restored'))}
      >
        {t('恢复', 'Restore')}
      </Button>
    );
  return (
    <ConfirmDelete
      title={t('删除这条登记？可在回收站恢复。', 'Delete this record? It can be restored.')}
      onConfirm={() => run(() => api.del(`/api/mobility/${id}`), t('已移入回收站', 'Moved to the recycle bin'))}
    />
  );
}

/** A move's day: today unless changed (a move is usually recorded on its day). */
export function MoveDayField(props: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const { value, onChange } = props;
  useEffect(() => {
    if (!value) onChange?.(chinaToday());
    // Only when the dialog opens empty.
  }, []);
  return <DateField {...props} maxToday />;
}

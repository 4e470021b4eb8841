/**
 * Attendance of a meeting: a status per member (出席/请假/缺席) with the leave reason, self check-ins shown, saved with
 * PATCH (merged by member).
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ATTENDANCE_STATUSES, MEMBER_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, Member } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { chinaClock, chinaTime, type Meeting } from './model';
import { useOrg } from './parts';

type Row = Meeting['attendance'][number];
type Status = Row['status'];
interface Edit {
  status: Status;
  leaveReason: string | null;
}

/** Answers the PATCH of a meeting and keeps the page's copy in step. */
export type SaveMeeting = (patch: Record<string, unknown>) => Promise<Meeting>;

function AddAttendee({ meeting, onAdd }: { meeting: Meeting; onAdd: (memberId: number) => Promise<void> }) {
  const t = useT();
  const org = useOrg(meeting.orgId);
  // A party group's meeting draws from its branch's members; other meetings from the org's subtree.
  const poolOrg = org.data ? (org.data.type === 'group' && org.data.parentId ? org.data.parentId : org.data.id) : null;
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const found = useQuery({
    queryKey: ['members', 'pick', poolOrg, q],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<Member>>('/api/members', { org: poolOrg, q: q || undefined, pageSize: 20 }, signal),
    enabled: !!poolOrg,
  });
  const listed = new Set(meeting.attendance.map((a) => a.memberId));
  const options = (found.data?.items ?? [])
    .filter((m) => !listed.has(m.id))
    .map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  return (
    <Select
      aria-label={t('添加应到人员', 'Add an expected attendee')}
      placeholder={t('添加应到人员（姓名或拼音）', 'Add an attendee (name or pinyin)')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={null}
      disabled={busy}
      loading={found.isFetching || busy}
      options={options}
      notFoundContent={t('没有可添加的党员', 'No member to add')}
      style={{ width: 260 }}
      onChange={async (v: number | null) => {
        if (!v) return;
        setBusy(true);
        try {
          await onAdd(v);
          setQ('');
        } finally {
          setBusy(false);
        }
      }}
      data-testid="add-attendee"
    />
  );
}

/** The attendance table of a meeting; editable for those who record meetings. */
export function AttendanceCard({
  meeting,
  canWrite,
  save,
}: {
  meeting: Meeting;
  canWrite: boolean;
  save: SaveMeeting;
}) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const [edits, setEdits] = useState<Map<number, Edit>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = canWrite && !meeting.deletedAt;

  const rows = useMemo(
    () => meeting.attendance.map((a) => ({ ...a, ...(edits.get(a.memberId) ?? {}) })),
    [meeting.attendance, edits],
  );
  const counts = useMemo(() => {
    const c = { present: 0, leave: 0, absent: 0, expected: 0 };
    for (const r of rows) c[r.status]++;
    return c;
  }, [rows]);
  const selfCount = meeting.attendance.filter((a) => a.method === 'self').length;
  // Before the meeting begins nobody is absent: the choice is 未开始, after it 缺席 (never both).
  const notMarked: Status = meeting.upcoming ? 'expected' : 'absent';
  const statusOptions = (opts(ATTENDANCE_STATUSES) as { value: Status; label: string }[]).filter(
    (o) => o.value !== (meeting.upcoming ? 'absent' : 'expected'),
  );

  function edit(r: Row, patch: Partial<Edit>) {
    setEdits((prev) => {
      const next = new Map(prev);
      const base = meeting.attendance.find((a) => a.memberId === r.memberId)!;
      const cur = next.get(r.memberId) ?? { status: base.status, leaveReason: base.leaveReason };
      const merged = { ...cur, ...patch };
      if (merged.status !== 'leave') merged.leaveReason = null;
      if (merged.status === base.status && (merged.leaveReason ?? '') === (base.leaveReason ?? ''))
        next.delete(r.memberId);
      else next.set(r.memberId, merged);
      return next;
    });
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const attendance = [...edits.entries()].map(([memberId, e]) => ({
        memberId,
        status: e.status,
        leaveReason: e.status === 'leave' ? e.leaveReason?.trim() || null : null,
      }));
      await save({ attendance });
      setEdits(new Map());
      message.success(t(`已保存 ${attendance.length} 人的出席情况`, `Attendance of ${attendance.length} saved`));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function add(memberId: number) {
    try {
      // Added as not marked (未开始 before the meeting, 缺席 after): they sign in, or the secretary marks them.
      await save({ attendance: [{ memberId, status: notMarked }] });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Card
      title={t('出席情况', 'Attendance')}
      data-testid="attendance-card"
      extra={
        editable ? (
          <Space wrap>
            <AddAttendee meeting={meeting} onAdd={add} />
            <Button
              disabled={rows.every((r) => r.status === 'present')}
              onClick={() => rows.forEach((r) => r.status !== 'present' && edit(r, { status: 'present' }))}
            >
              {t('全部设为出席', 'Mark everyone present')}
            </Button>
          </Space>
        ) : null
      }
    >
      <div className="mt-counts" aria-live="polite" data-testid="attendance-counts">
        <span>
          {t('应到', 'Expected')} <b>{rows.length}</b>
        </span>
        <span>
          {t('出席', 'Present')} <b data-testid="count-present">{counts.present}</b>
        </span>
        <span>
          {t('请假', 'On leave')} <b>{counts.leave}</b>
        </span>
        {meeting.upcoming ? (
          <span data-testid="count-expected">
            {t('未开始', 'Not yet held')} <b>{counts.expected + counts.absent}</b>
          </span>
        ) : (
          <span>
            {t('缺席', 'Absent')} <b data-testid="count-absent">{counts.absent + counts.expected}</b>
          </span>
        )}
        <span>
          {t('本人签到', 'Signed in themselves')} <b data-testid="count-self">{selfCount}</b>
        </span>
      </div>
      {meeting.upcoming ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="attendance-upcoming"
          title={t(
            '会议尚未开始：未签到、未请假的党员显示为“未开始”，不计缺席。',
            'The meeting has not begun: members not signed in or on leave show as not yet held, not absent.',
          )}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Table<Row>
        rowKey="memberId"
        size="small"
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={rows.length > 15 ? { y: 520 } : undefined}
        dataSource={rows}
        locale={{
          emptyText:
            meeting.kind === 'heart_to_heart'
              ? t('请添加谈话对象', 'Add the members talked with')
              : t('没有应到人员', 'Nobody is expected'),
        }}
        rowClassName={(r) => (edits.has(r.memberId) ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '#', width: 50, render: (_, __, i) => i + 1 },
          { title: t('姓名', 'Name'), dataIndex: 'name', width: 110 },
          {
            title: t('身份', 'Status'),
            dataIndex: 'memberStatus',
            width: 120,
            render: (v: string) => lbl(MEMBER_STATUSES, v),
          },
          {
            title: t('出席情况', 'Attendance'),
            dataIndex: 'status',
            width: 130,
            render: (v: Status, r) =>
              editable ? (
                <Select<Status>
                  size="small"
                  aria-label={t(`${r.name}的出席情况`, `Attendance of ${r.name}`)}
                  value={v}
                  options={statusOptions}
                  onChange={(s) => edit(r, { status: s })}
                  style={{ width: 100 }}
                  data-testid={`status-${r.memberId}`}
                />
              ) : (
                <Tag
                  color={
                    v === 'present' ? 'success' : v === 'leave' ? 'warning' : v === 'expected' ? 'default' : 'error'
                  }
                >
                  {lbl(ATTENDANCE_STATUSES, v)}
                </Tag>
              ),
          },
          {
            title: t('请假事由', 'Leave reason'),
            dataIndex: 'leaveReason',
            render: (v: string | null, r) =>
              r.status !== 'leave' ? null : editable ? (
                <Input
                  size="small"
                  count={{ show: true, max: 200 }}
                  aria-label={t(`${r.name}的请假事由`, `Leave reason of ${r.name}`)}
                  placeholder={t('如：外出务工', 'e.g. working away')}
                  value={v ?? ''}
                  onChange={(e) => edit(r, { leaveReason: e.target.value })}
                />
              ) : (
                (v ?? '—')
              ),
          },
          {
            title: t('签到', 'Sign-in'),
            width: 170,
            render: (_, r) =>
              r.method === 'self' && r.checkedInAt ? (
                <Tag color="processing" title={chinaTime(r.checkedInAt)} data-testid="self-checkin">
                  {t(`本人签到 ${chinaClock(r.checkedInAt)}`, `Signed in ${chinaClock(r.checkedInAt)}`)}
                </Tag>
              ) : r.method === 'secretary' ? (
                <span className="dj-muted">{t('书记登记', 'Marked by the secretary')}</span>
              ) : null,
          },
        ]}
      />
      {editable ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            disabled={edits.size === 0}
            loading={busy}
            onClick={submit}
            data-testid="save-attendance"
          >
            {edits.size
              ? t(`保存出席情况（${edits.size} 处修改）`, `Save attendance (${edits.size} changed)`)
              : t('保存出席情况', 'Save attendance')}
          </Button>
          {edits.size ? <Button onClick={() => setEdits(new Map())}>{t('撤销修改', 'Discard changes')}</Button> : null}
        </Space>
      ) : null}
    </Card>
  );
}

/** Pieces shared by the organizational-life pages: tags, the period picker, the rules and org queries. */
import { useState } from 'react';
import { Button, DatePicker, Segmented, Select, Space, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import {
  COMPLIANCE_STATUSES,
  MEETING_KIND_LABELS,
  MEETING_TIMING_DEFAULTS,
  type MeetingTimingRules,
  type RuleSetViewT,
} from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import type { Org } from '../../../api/types';
import { useLabel, usePeriod, useT } from '../../../app/i18n';
import {
  chinaTime,
  periodOf,
  periodStart,
  periodUnit,
  thisMonth,
  thisYear,
  type MeetingSummary,
  type PeriodUnit,
  type RulesAnswer,
} from './model';

// Text, background and border of each kind's tag (text on background at least 4.5:1, WCAG AA).
const KIND_COLORS: Record<string, [string, string, string]> = {
  general_meeting: ['#a8071a', '#fff1f0', '#ffa39e'],
  committee_meeting: ['#873800', '#fff7e6', '#ffd591'],
  group_meeting: ['#614700', '#feffe6', '#fffb8f'],
  party_lecture: ['#003eb3', '#e6f4ff', '#91caff'],
  theme_day: ['#9e1068', '#fff0f6', '#ffadd2'],
  life_meeting: ['#391085', '#f9f0ff', '#d3adf7'],
  member_review: ['#10239e', '#f0f5ff', '#adc6ff'],
  leadership_life_meeting: ['#00474f', '#e6fffb', '#87e8de'],
  heart_to_heart: ['#135200', '#f6ffed', '#b7eb8f'],
};

/** The kind of a meeting as a coloured tag. */
export function KindTag({ kind }: { kind: string }) {
  const lbl = useLabel();
  const [color, background, borderColor] = KIND_COLORS[kind] ?? ['rgba(0,0,0,0.88)', '#fafafa', '#d9d9d9'];
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0, color, background, borderColor }}>
      {lbl(MEETING_KIND_LABELS, kind)}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = { done: 'success', due_soon: 'warning', behind: 'error' };

/** A compliance status: done green, due soon orange, behind red. */
export function ComplianceTag({ status }: { status: string }) {
  const lbl = useLabel();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {lbl(COMPLIANCE_STATUSES, status)}
    </Tag>
  );
}

/** What an incomplete record lacks, in words. */
export function useMissingText() {
  const t = useT();
  return (missing: string[]) =>
    missing
      .map((m) =>
        m === 'minutes' ? t('缺会议记录', 'no minutes') : m === 'attendance' ? t('缺出席情况', 'no attendance') : m,
      )
      .join(t('、', ', '));
}

/** The record's flags: 纪实不完整 (with what is missing), 补录 (with the entry date), deleted. */
export function RecordFlags({
  m,
}: {
  m: Pick<
    MeetingSummary,
    'complete' | 'missing' | 'lateEntry' | 'enteredAt' | 'deletedAt' | 'checkinOpen' | 'upcoming'
  >;
}) {
  const t = useT();
  const missingText = useMissingText();
  return (
    <Space size={4} wrap>
      {m.upcoming ? (
        <Tag style={{ marginInlineEnd: 0 }} data-testid="flag-upcoming">
          {t('未开始', 'Not yet held')}
        </Tag>
      ) : null}
      {m.complete || m.upcoming ? null : (
        <Tooltip title={missingText(m.missing)}>
          <Tag color="warning" tabIndex={0} data-testid="flag-incomplete" style={{ marginInlineEnd: 0 }}>
            {t('纪实不完整', 'Incomplete')}
            <span className="sr-only">（{missingText(m.missing)}）</span>
          </Tag>
        </Tooltip>
      )}
      {m.lateEntry ? (
        <Tooltip title={t(`补录于 ${chinaTime(m.enteredAt)}`, `Entered on ${chinaTime(m.enteredAt)}`)}>
          <Tag tabIndex={0} data-testid="flag-late" style={{ marginInlineEnd: 0 }}>
            {t('补录', 'Late entry')}
            <span className="sr-only">（{chinaTime(m.enteredAt)}）</span>
          </Tag>
        </Tooltip>
      ) : null}
      {m.checkinOpen ? (
        <Tag color="processing" style={{ marginInlineEnd: 0 }}>
          {t('签到中', 'Sign-in open')}
        </Tag>
      ) : null}
      {m.deletedAt ? (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t('已删除', 'Deleted')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The rules in force for a year (`GET /api/meeting-rules?year=`). */
export function useRules(year: number) {
  return useQuery({
    queryKey: ['meeting-rules', year],
    queryFn: ({ signal }) => api.get<RulesAnswer>('/api/meeting-rules', { year }, signal),
    staleTime: 5 * 60_000,
  });
}

/** The county's time limits of organizational life this year (`meeting_timing`), the defaults until they load. */
export function useTiming(): MeetingTimingRules {
  const year = thisYear();
  const q = useQuery({
    queryKey: ['rules', 'meeting_timing', year],
    queryFn: ({ signal }) => api.get<RuleSetViewT>('/api/rules/meeting_timing', { year }, signal),
    staleTime: 5 * 60_000,
  });
  const values = Object.fromEntries((q.data?.keys ?? []).map((k) => [k.key, k.value]));
  return { ...MEETING_TIMING_DEFAULTS, ...values };
}

/** An organization (`GET /api/orgs/:id`): its type, parent and name. */
export function useOrg(id: number | null | undefined) {
  return useQuery({
    queryKey: ['org', id],
    queryFn: ({ signal }) => api.get<Org>(`/api/orgs/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 60_000,
  });
}

/** A period picker: month, quarter or year, answering `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const t = useT();
  const words = usePeriod();
  const unit: PeriodUnit = periodUnit(value) ?? 'month';
  const picked = dayjs(periodStart(periodUnit(value) ? value : thisMonth()));
  return (
    <Space size={8} wrap>
      <Segmented
        aria-label={t('统计周期', 'Period unit')}
        value={unit}
        onChange={(u) => onChange(periodOf(u as PeriodUnit, picked.format('YYYY-MM-DD')))}
        options={[
          { value: 'month', label: t('月', 'Month') },
          { value: 'quarter', label: t('季度', 'Quarter') },
          { value: 'year', label: t('年', 'Year') },
        ]}
      />
      <DatePicker
        picker={unit}
        allowClear={false}
        aria-label={t('周期', 'Period')}
        value={picked}
        format={(d) => words(periodOf(unit, d.format('YYYY-MM-DD')))}
        inputReadOnly
        disabledDate={(d) => d.isAfter(dayjs().endOf('year'))}
        onChange={(d) => d && onChange(periodOf(unit, d.format('YYYY-MM-DD')))}
        style={{ width: 150 }}
        data-testid="period-picker"
      />
    </Space>
  );
}

export { useRuleText } from './ruleText';

/** A year picker and the link to a branch's yearbook of meeting records (`GET /api/meetings/yearbook`). */
export function YearbookExport({ org, initialYear }: { org: number | null; initialYear: number }) {
  const t = useT();
  const [year, setYear] = useState(initialYear);
  return (
    <Space.Compact>
      <Select
        aria-label={t('年度', 'Year')}
        value={year}
        onChange={setYear}
        style={{ width: 100 }}
        options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({
          value: y,
          label: t(`${y}年`, String(y)),
        }))}
      />
      <Button
        icon={<DownloadOutlined />}
        href={withQuery('/api/meetings/yearbook', { org, year })}
        download
        data-testid="yearbook"
      >
        {t('导出年度纪实', 'Export the year')}
      </Button>
    </Space.Compact>
  );
}

/** Present of expected (and those on leave) of a meeting, as in the list. */
export function AttendanceCell({ m }: { m: Pick<MeetingSummary, 'present' | 'expected' | 'leave'> }) {
  const t = useT();
  return (
    <span
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      title={t(
        `实到 ${m.present} / 应到 ${m.expected}，请假 ${m.leave}`,
        `${m.present} present of ${m.expected}, ${m.leave} on leave`,
      )}
    >
      {m.present}/{m.expected}
      {m.leave ? <span className="dj-muted">{t(`（请假 ${m.leave}）`, ` (+${m.leave} on leave)`)}</span> : null}
    </span>
  );
}

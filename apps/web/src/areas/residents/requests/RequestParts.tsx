/**
 * Pieces shared by the requests, wishes and errands pages: status tags, the timeline, pickers of households and
 * members.
 */
import type { ReactNode } from 'react';
import { Form, type FormInstance, Input, Space, Tag } from 'antd';
import {
  type Labelled,
  ERRAND_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
  WISH_STATUSES,
} from '@dangjian/contracts';
import { Timeline } from '../../../components/Timeline';
import { type PickerProps, SearchPicker } from '../../../components/form/SearchPicker';
import { Field, type FieldProps } from '../../../components/form/Field';
import { phoneRule } from '../../../components/form/rules';

export { MemberPicker } from '../../../components/form/SearchPicker';
import { useLabel, useT } from '../../../app/i18n';
import { RESIDENTS_EVENT_KINDS, type HouseholdHit, type ResidentsEvent } from './requestModel';
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

/** A tag naming an enum value in its colour; `status` also marks it `data-status` (the tests read it). */
function EnumTag(props: {
  labels: Record<string, Labelled>;
  colors: Record<string, string>;
  value: string;
  status?: boolean;
}) {
  const lbl = useLabel();
  return (
    <Tag
      color={props.colors[props.value]}
      style={{ marginInlineEnd: 0 }}
      data-status={props.status ? props.value : undefined}
    >
      {lbl(props.labels, props.value)}
    </Tag>
  );
}

/** The handling level (当场办 / 研究办 / 协调办). */
export function LevelTag({ level }: { level: string }) {
  return <EnumTag labels={REQUEST_LEVELS} colors={LEVEL_COLORS} value={level} />;
}

/** The resident's rating. */
export function RatingTag({ rating }: { rating: string | null }) {
  if (!rating) return <span className="dj-muted">—</span>;
  return <EnumTag labels={SATISFACTION} colors={RATING_COLORS} value={rating} />;
}

/** A wish's status. */
export function WishStatusTag({ status }: { status: string }) {
  return <EnumTag labels={WISH_STATUSES} colors={WISH_STATUS_COLORS} value={status} status />;
}

/** An errand's status. */
export function ErrandStatusTag({ status }: { status: string }) {
  return <EnumTag labels={ERRAND_STATUSES} colors={ERRAND_STATUS_COLORS} value={status} status />;
}

// The words of the timeline's kinds live in the model, so that the phone pages (no antd) use them too.
export { RESIDENTS_EVENT_KINDS };

/** The name of a timeline event kind. */
export function useEventKind() {
  const lbl = useLabel();
  return (kind: string) => (kind in RESIDENTS_EVENT_KINDS ? lbl(RESIDENTS_EVENT_KINDS, kind) : kind);
}

/** The timeline of a request, wish or errand: the kit's Timeline with the residents' words. */
export function EventTimeline({
  events,
  states,
}: {
  events: ResidentsEvent[] | undefined;
  /** The words of the record's states (a move shows 办理中 → 已办结, not open → closed). */
  states: Record<string, Labelled>;
}) {
  const lbl = useLabel();
  // Some notes are a bare enum key (the channel of an acceptance, the rating given): show its label.
  const noteText = (note: string) =>
    note in SATISFACTION ? lbl(SATISFACTION, note) : note in REQUEST_CHANNELS ? lbl(REQUEST_CHANNELS, note) : note;
  return <Timeline events={events} kinds={RESIDENTS_EVENT_KINDS} states={states} note={noteText} />;
}

/** A household picker over `GET /api/households?q=` (head name, address, phone). */
export function HouseholdPicker(props: PickerProps<HouseholdHit>) {
  const t = useT();
  return (
    <SearchPicker<HouseholdHit>
      {...props}
      path="/api/households"
      queryKey="households"
      label={(h) => `${h.headName} · ${h.address}（${h.orgName}）`}
      placeholder={t('输入户主姓名、地址或电话查找', 'Type the head, address or phone')}
      notFound={(busy) => (busy ? t('查找中…', 'Searching…') : t('没有匹配的户', 'No matching household'))}
      ready={(q) => q.length > 0 || !!props.org}
    />
  );
}

/** The props of a dialog that records something for an organization (errands, wishes, evaluations). */
export interface OrgDialogProps<R> {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: (saved: R) => void;
}

/**
 * The optional phone of a resident (`phone`), checked as typed by the server's rule: a mobile, or with `landline`
 * (a request's contact) a landline such as 0571-88889999 too.
 */
export function ResidentPhoneField({
  landline = false,
  ...props
}: Omit<FieldProps, 'name' | 'rules'> & { landline?: boolean }) {
  const t = useT();
  const message = landline
    ? t('请输入手机号码或座机号码（区号-号码，如 0571-88889999）', 'A mobile, or a landline such as 0571-88889999')
    : t('手机号码格式不正确', 'Invalid mobile number');
  return (
    <Field {...props} name="phone" rules={[phoneRule(message, landline)]}>
      <Input inputMode="tel" />
    </Field>
  );
}

/**
 * The resident of a dialog: the household (optional; `fillName` copies its head into the name), then the name and
 * phone side by side with any `children` after them.
 */
export function ResidentFields(props: {
  form: FormInstance;
  org?: number;
  nameLabel: string;
  /** The message when the name is missing; the name is optional without it. */
  nameRequired?: string;
  fillName?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const { form } = props;
  const fill = (v: number | null, h?: HouseholdHit) =>
    form.setFieldsValue({ householdId: v, residentName: h?.headName ?? form.getFieldValue('residentName') });
  return (
    <>
      <Form.Item label={t('登记户（可不选）', 'Household (optional)')} name="householdId">
        <HouseholdPicker org={props.org} onChange={props.fillName ? fill : undefined} />
      </Form.Item>
      <Space wrap>
        <Field
          label={props.nameLabel}
          name="residentName"
          required={props.nameRequired}
          whitespace={!!props.nameRequired}
          max={40}
        >
          <Input />
        </Field>
        <ResidentPhoneField label={t('联系电话', 'Phone')} />
        {props.children}
      </Space>
    </>
  );
}

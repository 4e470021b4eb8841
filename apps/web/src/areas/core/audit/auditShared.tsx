/**
 * Pieces shared by the audit page, its detail and the auditor's home: the chain check card, times in China time,
 * and an audit record's actor and record in words (names, 系统, a link where the viewer may open the record).
 */
import { Alert, Button, Card, Skeleton, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AUDIT_ACTOR_KINDS, AUDIT_CHAIN_BREAKS, auditEntityLabel, CHINA_OFFSET_MS, ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { AuditRecord, AuditVerifyResult } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';

/** An instant in China time, 24-hour clock with seconds, whatever the browser's zone (the app's one clock). */
export function formatTime(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return iso ?? '';
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Where a record of each kind opens, and the capability the viewer needs to go there. */
const RECORD_PAGES: Record<string, { path: (id: string) => string; can: string }> = {
  member: { path: (id) => `/members/${id}`, can: 'members.read' },
  org: { path: (id) => `/orgs/${id}`, can: 'orgs.read' },
  meeting: { path: (id) => `/meetings/${id}`, can: 'meetings.read' },
  household: { path: (id) => `/households/${id}`, can: 'residents.read' },
  household_group: { path: (id) => `/household-groups/${id}`, can: 'residents.read' },
  request: { path: (id) => `/requests/${id}`, can: 'residents.read' },
  wish: { path: (id) => `/wishes/${id}`, can: 'residents.read' },
  errand: { path: (id) => `/errands/${id}`, can: 'residents.read' },
};

/** Who acted: an account by its name (and role), 系统 for jobs, a resident by the masked phone. */
export function AuditActor({ r }: { r: AuditRecord }) {
  const t = useT();
  const lbl = useLabel();
  const kind = lbl(AUDIT_ACTOR_KINDS, r.actorKind);
  if (r.actorKind === 'system') return <span data-testid="audit-actor">{kind}</span>;
  const name =
    r.actorKind === 'user'
      ? (r.actorDisplayName ?? r.actorName ?? t('（账号已删除）', '(account removed)'))
      : `${kind} ${r.actorName ?? ''}`.trim();
  return (
    <span data-testid="audit-actor">
      {name}
      {r.actorKind === 'user' && r.actorName && r.actorDisplayName && r.actorName !== r.actorDisplayName ? (
        <Typography.Text type="secondary"> {r.actorName}</Typography.Text>
      ) : null}
      {r.role ? <Tag style={{ marginInlineStart: 6 }}>{lbl(ROLES, r.role)}</Tag> : null}
    </span>
  );
}

/**
 * The record an entry is about: its kind in words and its name; a link to it only when the viewer may open it
 * (the auditor sees no business pages, so for the auditor it is the name alone).
 */
export function AuditEntity({ r }: { r: AuditRecord }) {
  const t = useT();
  const me = useMe().data;
  if (!r.entityType) return <span>—</span>;
  const l = auditEntityLabel(r.entityType);
  const name = r.entityName;
  // A record without a name of its own (a visit, a pairing, the rules) reads by its kind.
  const text = name ? t(`${l.zh}：${name}`, `${l.en}: ${name}`) : t(l.zh, l.en);
  const target = RECORD_PAGES[r.entityType];
  if (target && r.entityId && name && hasCap(me, target.can)) return <Link to={target.path(r.entityId)}>{text}</Link>;
  return <span>{text}</span>;
}

/** The result of `GET /api/audit/verify` (the hash chain check), with a button to run it again. */
export function ChainCheckCard() {
  const t = useT();
  const q = useQuery({
    queryKey: ['audit-verify'],
    queryFn: ({ signal }) => api.get<AuditVerifyResult>('/api/audit/verify', undefined, signal),
    staleTime: 0,
  });
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyOutlined aria-hidden /> {t('审计链校验', 'Audit chain check')}
        </span>
      }
      extra={
        <Button size="small" onClick={() => q.refetch()} loading={q.isFetching}>
          {t('重新校验', 'Check again')}
        </Button>
      }
      data-testid="chain-check"
    >
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : q.error ? (
        <Alert type="error" showIcon title={(q.error as Error).message} />
      ) : q.data.ok ? (
        <Alert
          type="success"
          showIcon
          title={t(
            `审计链完整：已校验 ${q.data.checked} 条记录`,
            `The chain is intact: ${q.data.checked} records checked`,
          )}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('审计链校验失败：记录可能被篡改', 'The chain is broken: records may have been tampered with')}
          description={q.data.firstBroken ? <FirstBreak at={q.data.firstBroken} checked={q.data.checked} /> : undefined}
        />
      )}
    </Card>
  );
}

/** Where the chain first breaks and how, in words. */
function FirstBreak({ at, checked }: { at: NonNullable<AuditVerifyResult['firstBroken']>; checked: number }) {
  const t = useT();
  const how = useLabel()(AUDIT_CHAIN_BREAKS, at.kind);
  return t(
    `第一处断裂：第 ${at.id} 条记录（${how}），已校验 ${checked} 条`,
    `First break at record ${at.id} (${how}); ${checked} checked`,
  );
}

/**
 * The people area's cards on a business home (`GET /api/home`): member development, transfers, dues and members
 * away — counts the server computed for the scope, each a link to its module's list with the filter in the URL, and
 * the first few rows that wait. A card shows only when the role may read its module (the section is not null).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DEVELOPMENT_STEP_LABELS, TRANSFER_STATUSES, type HomeT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { percent } from '../../life/meetings/model';
import './home-people.css';

export interface Num {
  key: string;
  title: string;
  value: number | string;
  href?: string;
  /** Shown in red when non-zero (something is late). */
  alert?: boolean;
}

/** A row of numbers, each a link to its list. */
export function Nums({ items }: { items: Num[] }) {
  return (
    <div className="dj-people-nums">
      {items.map((n) => {
        const body = (
          <>
            <b className={n.alert && n.value !== 0 ? 'dj-people-alert' : undefined}>
              {typeof n.value === 'number' ? n.value.toLocaleString('en-US') : n.value}
            </b>
            <span>{n.title}</span>
          </>
        );
        return n.href ? (
          <Link key={n.key} to={n.href} data-num={n.key}>
            {body}
          </Link>
        ) : (
          <div key={n.key} data-num={n.key}>
            {body}
          </div>
        );
      })}
    </div>
  );
}

/** One module's card: its numbers, then its rows or an empty state in words. */
export function Card({
  title,
  testId,
  nums,
  rows,
  empty,
  more,
}: {
  title: string;
  testId: string;
  nums: Num[];
  rows: ReactNode[];
  empty: string;
  more?: ReactNode;
}) {
  return (
    <section className="dj-card dj-people-card" data-testid={testId} aria-label={title}>
      <h2 className="dj-card-title">{title}</h2>
      <Nums items={nums} />
      {rows.length ? <ul className="dj-list">{rows}</ul> : <p className="dj-empty dj-people-empty">{empty}</p>}
      {more}
    </section>
  );
}

function DevelopmentCard({ d }: { d: NonNullable<HomeT['development']> }) {
  const t = useT();
  const lbl = useLabel();
  const stage = (k: string) => `/development?stage=${k}`;
  return (
    <Card
      title={t('发展党员', 'Member development')}
      testId="home-development"
      nums={[
        { key: 'applicant', title: t('申请入党', 'Applicants'), value: d.applicant, href: stage('applicant') },
        { key: 'activist', title: t('积极分子', 'Activists'), value: d.activist, href: stage('activist') },
        { key: 'target', title: t('发展对象', 'Targets'), value: d.target, href: stage('target') },
        {
          key: 'probationary',
          title: t('预备党员', 'Probationary'),
          value: d.probationary,
          href: stage('probationary'),
        },
        {
          key: 'overdue',
          title: t('步骤逾期', 'Steps overdue'),
          value: d.overdue,
          href: '/development/overdue',
          alert: true,
        },
        { key: 'dueSoon', title: t(`${d.warnDays}天内到期`, `Due in ${d.warnDays} days`), value: d.dueSoon },
      ]}
      rows={d.items.map((i) => (
        <li key={i.id} data-todo="development">
          <Link to={`/development/${i.id}`}>
            {i.name} · {i.orgName}
          </Link>
          <span className="dj-muted">
            {lbl(DEVELOPMENT_STEP_LABELS, i.step)} · {t(`应于 ${i.dueOn} 前`, `due ${i.dueOn}`)}
          </span>
          <span className="dj-badge dj-badge-error">{t('已逾期', 'Overdue')}</span>
        </li>
      ))}
      empty={t('没有逾期的发展步骤', 'No development step is overdue')}
      more={
        d.overdue > d.items.length ? (
          <Link className="dj-people-more" to="/development/overdue">
            {t(`查看全部 ${d.overdue} 名逾期对象`, `All ${d.overdue} overdue`)}
          </Link>
        ) : null
      }
    />
  );
}

function TransfersCard({ x }: { x: NonNullable<HomeT['transfers']> }) {
  const t = useT();
  const lbl = useLabel();
  return (
    <Card
      title={t('组织关系转接', 'Transfers')}
      testId="home-transfers"
      nums={[
        {
          key: 'incoming',
          title: t('待接收', 'To accept'),
          value: x.incoming,
          href: withQuery('/transfers', { direction: 'in', status: 'issued' }),
        },
        {
          key: 'awaitingApproval',
          title: t('待审批', 'To approve'),
          value: x.awaitingApproval,
          href: withQuery('/transfers', { direction: 'out', status: 'applied' }),
        },
        { key: 'outgoing', title: t('转出办理中', 'Sent, open'), value: x.outgoing, href: '/transfers?direction=out' },
        {
          key: 'returned',
          title: t('被退回', 'Sent back'),
          value: x.returned,
          href: withQuery('/transfers', { direction: 'out', status: 'returned' }),
        },
        {
          key: 'overdue',
          title: t('逾期未接收', 'Overdue'),
          value: x.overdue,
          href: '/transfers?overdue=true',
          alert: true,
        },
      ]}
      rows={x.items.map((i) => (
        <li key={i.id} data-todo="transfer">
          <Link to={`/transfers/${i.id}`}>
            {i.name} · {i.fromOrgName} → {i.toOrgName ?? t('系统外', 'outside')}
          </Link>
          {i.validUntil ? (
            <span className="dj-muted">{t(`介绍信有效至 ${i.validUntil}`, `letter valid to ${i.validUntil}`)}</span>
          ) : null}
          <span className={`dj-badge ${i.overdue ? 'dj-badge-error' : 'dj-badge-warn'}`}>
            {i.overdue ? t('已逾期', 'Overdue') : lbl(TRANSFER_STATUSES, i.status)}
          </span>
        </li>
      ))}
      empty={t('没有待办的转接', 'No transfer waits')}
    />
  );
}

function DuesCard({ d }: { d: NonNullable<HomeT['dues']> }) {
  const t = useT();
  const yuan = (n: number) => `¥${n.toFixed(2)}`;
  return (
    <Card
      title={t(`党费收缴（${d.month}）`, `Party dues (${d.month})`)}
      testId="home-dues"
      nums={[
        {
          key: 'rate',
          title: t('本月收缴率', 'Collected'),
          value: d.rate == null ? '—' : percent(d.rate),
          href: withQuery('/dues/figures', { period: d.month }),
        },
        { key: 'due', title: t('本月应缴', 'Due'), value: yuan(d.due), href: withQuery('/dues', { month: d.month }) },
        { key: 'paid', title: t('本月实缴', 'Paid'), value: yuan(d.paid) },
        {
          key: 'unpaid',
          title: t('本月未缴清', 'Not settled'),
          value: d.unpaid,
          href: withQuery('/dues', { month: d.month, unpaid: 'true' }),
        },
        {
          key: 'flagged',
          title: t('半年未缴', 'Six months unpaid'),
          value: d.flagged,
          href: '/dues/flags',
          alert: true,
        },
      ]}
      rows={d.items.map((f) => (
        <li key={f.memberId} data-todo="dues-flag">
          <Link to={withQuery('/dues', { q: f.memberName, unpaid: 'true' })}>
            {f.memberName} · {f.orgName}
          </Link>
          <span className="dj-muted">
            {t(
              `自 ${f.since} 起连续 ${f.unpaidMonths} 个月未缴，欠 ${yuan(f.owed)}`,
              `${f.unpaidMonths} months unpaid since ${f.since}, owes ${yuan(f.owed)}`,
            )}
          </span>
        </li>
      ))}
      empty={
        d.bills
          ? t('没有连续六个月未缴党费的党员', 'No member has gone six months without paying')
          : t('本月尚未生成党费账单', 'No dues bills this month yet')
      }
    />
  );
}

function MobilityCard({ m }: { m: NonNullable<HomeT['mobility']> }) {
  const t = useT();
  const share = m.members ? percent((m.flowing + m.outOfContact) / m.members) : '—';
  return (
    <Card
      title={t('流动党员', 'Members away')}
      testId="home-mobility"
      nums={[
        { key: 'flowing', title: t('外出流动', 'Away'), value: m.flowing, href: '/mobility?status=flowing' },
        {
          key: 'outOfContact',
          title: t('失联', 'Out of contact'),
          value: m.outOfContact,
          href: '/mobility?status=out_of_contact',
          alert: true,
        },
        { key: 'share', title: t('占党员', 'Of members'), value: share, href: '/mobility/states' },
      ]}
      rows={[]}
      empty={
        m.flowing + m.outOfContact
          ? t(`共 ${m.members} 名党员`, `${m.members} members in all`)
          : t('没有外出流动或失联的党员', 'No member is away or out of contact')
      }
    />
  );
}

/**
 * The people area's lines of "本月待办": what waits on the scope now (steps overdue, letters to accept, applications
 * to approve, members six months unpaid), each a link to its filtered list; empty when nothing waits.
 */
export function usePeopleTodo(home: HomeT): ReactNode[] {
  const t = useT();
  const out: ReactNode[] = [];
  const line = (key: string, href: string, text: string, late = false) =>
    out.push(
      <li key={key} data-todo={`people-${key}`}>
        <Link to={href}>{text}</Link>
        {late ? <span className="dj-badge dj-badge-error">{t('已逾期', 'Overdue')}</span> : null}
      </li>,
    );
  const { development: d, transfers: x, dues } = home;
  if (d?.overdue)
    line(
      'development',
      '/development/overdue',
      t(`${d.overdue} 名发展对象步骤逾期`, `${d.overdue} candidates late`),
      true,
    );
  if (x?.incoming)
    line(
      'incoming',
      withQuery('/transfers', { direction: 'in', status: 'issued' }),
      t(`${x.incoming} 份组织关系介绍信待接收`, `${x.incoming} transfer letters to accept`),
    );
  if (x?.overdue)
    line(
      'transfers-overdue',
      '/transfers?overdue=true',
      t(`${x.overdue} 份介绍信逾期未接收`, `${x.overdue} letters overdue`),
      true,
    );
  if (x?.awaitingApproval)
    line(
      'approve',
      withQuery('/transfers', { direction: 'out', status: 'applied' }),
      t(`${x.awaitingApproval} 份转接申请待审批`, `${x.awaitingApproval} transfers to approve`),
    );
  if (dues?.flagged)
    line(
      'dues',
      '/dues/flags',
      t(`${dues.flagged} 名党员连续六个月未缴党费`, `${dues.flagged} members six months unpaid`),
    );
  return out;
}

/** The people area's section of a business home; nothing when the role reads none of its modules. */
export function HomePeople({ home }: { home: HomeT }) {
  const t = useT();
  const { development, transfers, dues, mobility } = home;
  if (!development && !transfers && !dues && !mobility) return null;
  const title = t('党员管理', 'Members');
  return (
    <section aria-label={title} data-testid="people-figures">
      <h2 className="dj-h1 dj-section-title">{title}</h2>
      <div className="dj-grid-charts dj-people-grid">
        {development ? <DevelopmentCard d={development} /> : null}
        {transfers ? <TransfersCard x={transfers} /> : null}
        {dues ? <DuesCard d={dues} /> : null}
        {mobility ? <MobilityCard m={mobility} /> : null}
      </div>
    </section>
  );
}

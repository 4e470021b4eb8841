/**
 * The to-do list a business home leads with (`GET /api/home`): meetings owed this month with the rule that makes
 * them due, sign-ins open now, requests, wishes and errands waiting, and the fixed party day — each row a link into
 * its record. A scope of many organizations sees the meetings owed counted by kind, then the most urgent rows.
 */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  chinaDateTime,
  MEETING_KIND_LABELS,
  requestTitle,
  WISH_STATUSES,
  type HomeMeetingDueT,
  type HomeT,
} from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useRuleText } from '../../life/meetings/ruleText';
import { usePeopleTodo } from './HomePeople';
import { useSupervisionTodo } from './HomeSupervision';
import { useAssessmentTodo } from './HomeAssessment';
import './home.css';

/** The query of the home summary of a scope (undefined: the caller's own). */
export function homeQuery(orgId: number | undefined) {
  return {
    queryKey: ['home', orgId ?? null] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<HomeT>('/api/home', { org: orgId }, signal),
    staleTime: 15_000,
  };
}

/** The summary of the scope, shared by the to-do list and the figures below it. */
export function useHome(orgId: number | undefined) {
  return useQuery(homeQuery(orgId));
}

/** Month and day of a date or instant in China time ('12-31'). */
function md(dayOrIso: string | null): string {
  if (!dayOrIso) return '';
  return (dayOrIso.length > 10 ? chinaDateTime(dayOrIso).slice(0, 10) : dayOrIso).slice(5);
}

function Group({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <div className="dj-todo-group" data-testid={testId}>
      <h3 className="dj-todo-title">
        {title} <span className="dj-muted">{count}</span>
      </h3>
      <ul className="dj-list">{children}</ul>
    </div>
  );
}

function MeetingRow({ i, many }: { i: HomeMeetingDueT; many: boolean }) {
  const t = useT();
  const lbl = useLabel();
  const ruleText = useRuleText();
  const behind = i.status === 'behind';
  return (
    <li data-todo="meeting" data-org={i.orgId} data-kind={i.kind}>
      <span>
        {many ? <b>{i.orgName} · </b> : null}
        {lbl(MEETING_KIND_LABELS, i.kind)}
        <span className="dj-muted">
          {' '}
          {ruleText(i.rule)} · {t(`已开 ${i.held}/${i.required}`, `held ${i.held}/${i.required}`)}
          {i.dueBy ? ` · ${t(`${md(i.dueBy)} 前`, `by ${md(i.dueBy)}`)}` : ''}
        </span>
      </span>
      <span className={`dj-badge ${behind ? 'dj-badge-error' : 'dj-badge-warn'}`}>
        {behind ? t('已滞后', 'Behind') : t('待召开', 'Due')}
      </span>
      <Link to={withQuery('/meetings/new', { org: i.orgId, kind: i.kind })}>{t('录入会议', 'Record it')}</Link>
    </li>
  );
}

/** No summary yet: the people lines read nothing from it. */
const EMPTY = {
  development: null,
  transfers: null,
  dues: null,
  supervision: null,
  assessment: null,
} as unknown as HomeT;

/** The to-do list of the scope; "本月没有待办" when nothing waits. */
export function HomeTodo({ orgId }: { orgId: number | undefined }) {
  const t = useT();
  const lbl = useLabel();
  const ruleText = useRuleText();
  const q = useHome(orgId);
  const h = q.data;
  const people = usePeopleTodo(h ?? EMPTY);
  const supervision = useSupervisionTodo(h ?? EMPTY);
  const assessment = useAssessmentTodo(h ?? EMPTY);
  const title = t('本月待办', 'To do this month');
  const body = (): ReactNode => {
    if (q.error) return <p role="alert">{(q.error as Error).message}</p>;
    if (!h) return <div className="dj-spinner" role="status" aria-label={t('加载中', 'Loading')} />;
    const m = h.meetings;
    const owed = m ? m.dueSoon + m.behind : 0;
    const many = !!m && new Set(m.items.map((i) => i.orgId)).size > 1;
    const groups: ReactNode[] = [];
    if (m && owed > 0) {
      groups.push(
        <Group
          key="meetings"
          testId="todo-meetings"
          title={t('组织生活', 'Organizational life')}
          count={
            m.behind
              ? t(`${owed} 项待召开，其中 ${m.behind} 项已滞后`, `${owed} due, ${m.behind} behind`)
              : t(`${owed} 项待召开`, `${owed} due`)
          }
        >
          {owed > m.items.length
            ? m.byKind.map((k) => (
                <li key={k.kind} data-todo="meeting-kind" data-kind={k.kind}>
                  <span>
                    {lbl(MEETING_KIND_LABELS, k.kind)}
                    <span className="dj-muted"> {ruleText(k.rule)}</span>
                  </span>
                  <span className="dj-muted">
                    {t(`${k.dueSoon + k.behind} 个组织待召开`, `${k.dueSoon + k.behind} organizations due`)}
                  </span>
                  {k.behind ? (
                    <span className="dj-badge dj-badge-error">{t(`滞后 ${k.behind}`, `${k.behind} behind`)}</span>
                  ) : null}
                </li>
              ))
            : m.items.map((i) => <MeetingRow key={`${i.orgId}-${i.kind}`} i={i} many={many} />)}
          {owed > m.items.length
            ? m.items
                .filter((i) => i.status === 'behind')
                .map((i) => <MeetingRow key={`${i.orgId}-${i.kind}`} i={i} many />)
            : null}
          {owed > m.items.length ? (
            <li>
              {m.behind ? (
                <Link to="/compliance?status=behind">{t('查看滞后的组织', 'Organizations behind')}</Link>
              ) : null}
              <Link to="/compliance">{t(`全部 ${owed} 项`, `All ${owed}`)}</Link>
            </li>
          ) : null}
        </Group>,
      );
    }
    if (m?.checkins.length) {
      groups.push(
        <Group key="checkins" testId="todo-checkins" title={t('正在签到', 'Sign-in open')} count={m.checkins.length}>
          {m.checkins.map((c) => (
            <li key={c.id} data-todo="checkin">
              <Link to={`/meetings/${c.id}`}>
                {c.orgName} · {lbl(MEETING_KIND_LABELS, c.kind)} · {c.topic}
              </Link>
              <span className="dj-muted">{t(`${chinaDateTime(c.until)} 截止`, `until ${chinaDateTime(c.until)}`)}</span>
            </li>
          ))}
        </Group>,
      );
    }
    const r = h.requests;
    if (r && r.open > 0) {
      groups.push(
        <Group
          key="requests"
          testId="todo-requests"
          title={t('群众诉求', 'Requests')}
          count={t(`${r.open} 件办理中，${r.overdue} 件逾期`, `${r.open} open, ${r.overdue} overdue`)}
        >
          {r.items.map((i) => (
            <li key={i.id} data-todo="request">
              <Link to={`/requests/${i.id}`}>
                {t(requestTitle(i).zh, requestTitle(i).en)} · {i.orgName}
              </Link>
              <span className="dj-muted">{i.dueAt ? t(`${md(i.dueAt)} 前办结`, `due ${md(i.dueAt)}`) : ''}</span>
              {i.overdue ? <span className="dj-badge dj-badge-error">{t('已逾期', 'Overdue')}</span> : null}
            </li>
          ))}
          {r.open > r.items.length ? (
            <li>
              {r.overdue ? (
                <Link to="/requests?overdue=true">
                  {t(`查看全部 ${r.overdue} 件逾期诉求`, `All ${r.overdue} overdue`)}
                </Link>
              ) : (
                <Link to="/requests?status=open">{t(`查看全部 ${r.open} 件办理中诉求`, `All ${r.open} open`)}</Link>
              )}
            </li>
          ) : null}
        </Group>,
      );
    }
    const w = h.wishes;
    if (w && w.open + w.toConfirm > 0) {
      groups.push(
        <Group
          key="wishes"
          testId="todo-wishes"
          title={t('群众微心愿', 'Wishes')}
          count={t(`${w.toConfirm} 个待确认，${w.open} 个待认领`, `${w.toConfirm} to confirm, ${w.open} open`)}
        >
          {w.items.map((i) => (
            <li key={i.id} data-todo="wish">
              <Link to={`/wishes/${i.id}`}>
                {i.title} · {i.orgName}
              </Link>
              <span className={`dj-badge ${i.status === 'fulfilled' ? 'dj-badge-warn' : ''}`}>
                {lbl(WISH_STATUSES, i.status)}
              </span>
            </li>
          ))}
        </Group>,
      );
    }
    const e = h.errands;
    if (e && e.inProgress > 0) {
      groups.push(
        <Group
          key="errands"
          testId="todo-errands"
          title={t('代办事项', 'Errands')}
          count={t(`${e.inProgress} 件代办中`, `${e.inProgress} in progress`)}
        >
          {e.items.map((i) => (
            <li key={i.id} data-todo="errand">
              <Link to={`/errands/${i.id}`}>
                {i.title} · {i.orgName}
              </Link>
              <span className="dj-muted">{t(`${md(i.takenAt)} 接办`, `taken ${md(i.takenAt)}`)}</span>
            </li>
          ))}
        </Group>,
      );
    }
    if (people.length) {
      groups.push(
        <Group key="people" testId="todo-people" title={t('党员管理', 'Members')} count={people.length}>
          {people}
        </Group>,
      );
    }
    if (supervision.length) {
      groups.push(
        <Group
          key="supervision"
          testId="todo-supervision"
          title={t('督查整改', 'Supervision')}
          count={supervision.length}
        >
          {supervision}
        </Group>,
      );
    }
    if (assessment.length) {
      groups.push(
        <Group key="assessment" testId="todo-assessment" title={t('考核激励', 'Assessment')} count={assessment.length}>
          {assessment}
        </Group>,
      );
    }
    return (
      <>
        {h.themeDay ? (
          <p className="dj-todo-reminder" data-testid="todo-theme-day">
            {h.themeDay.date === h.today
              ? t(
                  `主题党日：每月 ${h.themeDay.day} 日，就是今天`,
                  `Party day: day ${h.themeDay.day} of each month, today`,
                )
              : t(
                  `主题党日：每月 ${h.themeDay.day} 日，下一次 ${h.themeDay.date}`,
                  `Party day: day ${h.themeDay.day} of each month, next on ${h.themeDay.date}`,
                )}
          </p>
        ) : null}
        {groups.length ? groups : <p className="dj-empty">{t('本月没有待办', 'Nothing to do this month')}</p>}
      </>
    );
  };
  return (
    <section className="dj-card dj-todo" data-testid="home-todo" aria-label={title} aria-busy={!h && !q.error}>
      <h2 className="dj-card-title">{title}</h2>
      {body()}
    </section>
  );
}

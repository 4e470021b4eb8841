/**
 * The supervision area's cards on a business home (`GET /api/home`'s `supervision`): for a county or a township,
 * what is late or waits below it (task targets overdue, problems open / overdue / awaiting verification, weak
 * organizations in rectification); for a branch, its own to-do (tasks to report, problems to rectify, its file's
 * check-ups). Each number is a link to its module's list with the same filter in the URL; rows link to records.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { HomeSupervisionT, HomeT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { Card, type Num } from './HomePeople';

/** Where each count of the section leads (the lists keep their filters in the URL). */
export function supervisionLinks(orgId: number | undefined) {
  const org = orgId;
  return {
    tasksOverdue: withQuery('/tasks/inbox', { org, overdue: 'true' }),
    tasksToReport: withQuery('/tasks/inbox', { status: 'pending' }),
    problemsOpen: withQuery('/problems', { org }),
    problemsOverdue: withQuery('/problems', { org, overdue: 'true' }),
    problemsAwaiting: withQuery('/problems', { org, status: 'claimed' }),
    problemsToRectify: withQuery('/problems', { org, status: 'assigned' }),
    weakRectifying: withQuery('/weak-orgs', { org, status: 'rectifying' }),
  };
}

const hrefOf = (i: HomeSupervisionT['items'][number]) =>
  i.kind === 'task' ? `/tasks/${i.id}` : i.kind === 'problem' ? `/problems/${i.id}` : `/weak-orgs/${i.id}`;

/** The rows that wait: overdue tasks and problems, then the weak organizations' files. */
function rowsOf(s: HomeSupervisionT, t: (zh: string, en: string) => string): ReactNode[] {
  const kind = { task: t('任务', 'Task'), problem: t('问题', 'Problem'), weak_org: t('软弱涣散', 'Weak org') };
  return s.items.map((i) => (
    <li key={`${i.kind}:${i.id}`} data-todo={`supervision-${i.kind}`}>
      <Link to={hrefOf(i)}>
        {kind[i.kind]} · {i.title}
        {i.kind !== 'weak_org' ? ` · ${i.orgName}` : ''}
      </Link>
      {i.dueOn ? <span className="dj-muted">{t(`应于 ${i.dueOn} 前`, `due ${i.dueOn}`)}</span> : null}
      {i.overdue ? <span className="dj-badge dj-badge-error">{t('已逾期', 'Overdue')}</span> : null}
    </li>
  ));
}

/** The numbers of a county's or township's view: what is late or waits below it. */
function useSupervisorNums(s: HomeSupervisionT, orgId: number | undefined): Num[] {
  const t = useT();
  const l = supervisionLinks(orgId);
  return [
    {
      key: 'tasksOverdue',
      title: t('任务逾期', 'Tasks overdue'),
      value: s.tasksOverdue,
      href: l.tasksOverdue,
      alert: true,
    },
    { key: 'problemsOpen', title: t('问题未销号', 'Problems open'), value: s.problemsOpen, href: l.problemsOpen },
    {
      key: 'problemsOverdue',
      title: t('整改逾期', 'Rectification overdue'),
      value: s.problemsOverdue,
      href: l.problemsOverdue,
      alert: true,
    },
    {
      key: 'problemsAwaiting',
      title: t('待验收', 'Awaiting verification'),
      value: s.problemsAwaiting,
      href: l.problemsAwaiting,
    },
    {
      key: 'weakRectifying',
      title: t('软弱涣散整顿中', 'Weak orgs in rectification'),
      value: s.weakRectifying,
      href: l.weakRectifying,
    },
  ];
}

/** The numbers of a branch's view: its own to-do. */
function useBranchNums(s: HomeSupervisionT, orgId: number | undefined): Num[] {
  const t = useT();
  const l = supervisionLinks(orgId);
  return [
    { key: 'tasksToReport', title: t('待报任务', 'Tasks to report'), value: s.tasksToReport, href: l.tasksToReport },
    {
      key: 'tasksOverdue',
      title: t('任务逾期', 'Tasks overdue'),
      value: s.tasksOverdue,
      href: l.tasksOverdue,
      alert: true,
    },
    {
      key: 'problemsToRectify',
      title: t('待整改问题', 'Problems to rectify'),
      value: s.problemsToRectify,
      href: l.problemsToRectify,
    },
    {
      key: 'problemsOverdue',
      title: t('整改逾期', 'Rectification overdue'),
      value: s.problemsOverdue,
      href: l.problemsOverdue,
      alert: true,
    },
    { key: 'weakCheckupsDue', title: t('本月待体检', 'Check-ups due this month'), value: s.weakCheckupsDue },
  ];
}

/**
 * The supervision lines of "本月待办": what waits on the scope now, each a link to its filtered list; empty when
 * nothing waits.
 */
export function useSupervisionTodo(home: HomeT): ReactNode[] {
  const t = useT();
  const { data: me } = useMe();
  const s = home.supervision;
  if (!s) return [];
  const l = supervisionLinks(home.orgId);
  const out: ReactNode[] = [];
  const line = (key: string, href: string, text: string, late = false) =>
    out.push(
      <li key={key} data-todo={`supervision-${key}`}>
        <Link to={href}>{text}</Link>
        {late ? <span className="dj-badge dj-badge-error">{t('已逾期', 'Overdue')}</span> : null}
      </li>,
    );
  // The county and the townships verify fixes and chase what is late below them; a branch reports and rectifies.
  if (me && hasCap(me, 'overview.read')) {
    if (s.problemsAwaiting)
      line(
        'verify',
        l.problemsAwaiting,
        t(`${s.problemsAwaiting} 个问题已报整改完成，待验收`, `${s.problemsAwaiting} fixes to verify`),
      );
    if (s.tasksOverdue)
      line(
        'tasks-overdue',
        l.tasksOverdue,
        t(`${s.tasksOverdue} 项任务逾期未完成`, `${s.tasksOverdue} tasks late`),
        true,
      );
  } else {
    if (s.tasksToReport)
      line('report', l.tasksToReport, t(`${s.tasksToReport} 项任务待上报`, `${s.tasksToReport} tasks to report`));
    if (s.problemsToRectify)
      line(
        'rectify',
        l.problemsToRectify,
        t(`${s.problemsToRectify} 个问题待整改`, `${s.problemsToRectify} problems to rectify`),
      );
  }
  if (s.problemsOverdue)
    line(
      'problems-overdue',
      l.problemsOverdue,
      t(`${s.problemsOverdue} 个问题整改逾期`, `${s.problemsOverdue} problems overdue`),
      true,
    );
  return out;
}

/** The supervision section of a business home; nothing when the role reads none of its modules. */
export function HomeSupervision({ home }: { home: HomeT }) {
  const t = useT();
  const { data: me } = useMe();
  const s = home.supervision;
  // The county and the townships watch what is below them; a branch sees its own to-do.
  const supervisor = !!me && hasCap(me, 'overview.read');
  const supervisorNums = useSupervisorNums(s ?? EMPTY, home.orgId);
  const branchNums = useBranchNums(s ?? EMPTY, home.orgId);
  if (!s) return null;
  const title = t('督查整改', 'Supervision');
  return (
    <section aria-label={title} data-testid="supervision-figures">
      <h2 className="dj-h1 dj-section-title">{title}</h2>
      <div className="dj-grid-charts dj-people-grid">
        <Card
          title={supervisor ? t('督查整改情况', 'Supervision below') : t('督查整改待办', 'Supervision to-do')}
          testId="home-supervision"
          nums={supervisor ? supervisorNums : branchNums}
          rows={rowsOf(s, t)}
          empty={t('没有逾期的任务和问题', 'No task or problem is overdue')}
          more={
            supervisor ? (
              <Link className="dj-people-more" to="/supervision/overview">
                {t('查看督查总览', 'Open the supervision overview')}
              </Link>
            ) : null
          }
        />
      </div>
    </section>
  );
}

const EMPTY: HomeSupervisionT = {
  tasksOverdue: 0,
  tasksToReport: 0,
  problemsOpen: 0,
  problemsOverdue: 0,
  problemsAwaiting: 0,
  problemsToRectify: 0,
  weakRectifying: 0,
  weakCheckupsDue: 0,
  items: [],
};

/**
 * The phone home's first card (`/m/`): what is asked of me this month (`GET /api/home/mine`) — meetings I am
 * expected at, sign-ins open now, wishes I claimed and errands I took — and, for a secretary or other staff, the
 * meetings their organization still owes this month (`GET /api/home`).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  ATTENDANCE_STATUSES,
  MEETING_KIND_LABELS,
  chinaDateTime,
  type HomeMineT,
  type HomeT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { Me } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap } from '../../../app/session';
import './my-month.css';

/** Month-day of a China day or instant. */
const md = (s: string | null) => (s ? (s.length > 10 ? chinaDateTime(s).slice(5, 10) : s.slice(5)) : '');

/** The organization's meetings owed this month, for staff on the phone. */
function OrgOwed() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['home', null],
    queryFn: ({ signal }) => api.get<HomeT>('/api/home', undefined, signal),
    staleTime: 15_000,
  });
  const m = q.data?.meetings;
  if (!m || m.dueSoon + m.behind === 0) return null;
  return (
    <>
      <h3 className="m-month-h">{t(`${q.data!.orgName}待召开`, `${q.data!.orgName}: meetings due`)}</h3>
      <ul className="m-month-list">
        {m.items.map((i) => (
          <li key={`${i.orgId}-${i.kind}`} data-todo="org-meeting" data-kind={i.kind}>
            <span>
              {lbl(MEETING_KIND_LABELS, i.kind)}
              <span className="m-sub">
                {' '}
                {t(`已开 ${i.held}/${i.required}`, `held ${i.held}/${i.required}`)}
                {i.dueBy ? ` · ${t(`${md(i.dueBy)} 前`, `by ${md(i.dueBy)}`)}` : ''}
              </span>
            </span>
            <span className={`m-state ${i.status === 'behind' ? 'warn' : ''}`}>
              {i.status === 'behind' ? t('已滞后', 'Behind') : t('待召开', 'Due')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "本月待办" on the phone home. */
export function MyMonthCard({ me }: { me: Me }) {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['home-mine'],
    queryFn: ({ signal }) => api.get<HomeMineT>('/api/home/mine', undefined, signal),
    staleTime: 15_000,
  });
  const h = q.data;
  const title = t('本月待办', 'This month');
  const staff = hasCap(me, 'stats.read') && hasCap(me, 'meetings.read');
  const empty = h && !h.meetings.length && !h.checkins.length && !h.wishes.length && !h.errands.length;
  return (
    <section className="m-card m-month" aria-label={title} data-testid="m-month" aria-busy={!h && !q.error}>
      <h2>{title}</h2>
      {q.error ? (
        <p className="m-sub" role="alert">
          {(q.error as Error).message}
        </p>
      ) : !h ? (
        <div className="m-skel" />
      ) : (
        <>
          {h.themeDay ? (
            <p className="m-sub" data-testid="m-theme-day">
              {h.themeDay.date === h.today
                ? t(`主题党日：每月 ${h.themeDay.day} 日（今天）`, `Party day: day ${h.themeDay.day} (today)`)
                : t(
                    `主题党日：每月 ${h.themeDay.day} 日（下一次 ${md(h.themeDay.date)}）`,
                    `Party day: day ${h.themeDay.day} (next ${md(h.themeDay.date)})`,
                  )}
            </p>
          ) : null}
          {h.checkins
            .filter((c) => !c.checkedIn)
            .map((c) => (
              <Link key={c.id} to="/m/checkin" className="m-btn primary m-month-checkin" data-todo="checkin">
                {t(`正在签到：${c.topic}`, `Sign in now: ${c.topic}`)}
              </Link>
            ))}
          {h.meetings.length ? (
            <>
              <h3 className="m-month-h">{t('本月会议', 'Meetings this month')}</h3>
              <ul className="m-month-list">
                {h.meetings.map((m) => (
                  <li key={m.id} data-todo="meeting" data-id={m.id}>
                    <Link to="/m/meetings" className="m-month-link">
                      <span>
                        {md(m.heldOn)} {m.startTime} {m.topic}
                        {/* The kind, unless the topic already starts with it (主题党日：…). */}
                        {m.topic.startsWith(lbl(MEETING_KIND_LABELS, m.kind)) ? null : (
                          <span className="m-sub"> {lbl(MEETING_KIND_LABELS, m.kind)}</span>
                        )}
                      </span>
                    </Link>
                    <span className="m-state">{lbl(ATTENDANCE_STATUSES, m.status)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {h.wishes.length || h.errands.length ? (
            <>
              <h3 className="m-month-h">{t('我承接的服务', 'My service tasks')}</h3>
              <ul className="m-month-list">
                {h.wishes.map((w) => (
                  <li key={`w${w.id}`} data-todo="wish">
                    <Link to="/m/service" className="m-month-link">
                      {t(`微心愿：${w.title}`, `Wish: ${w.title}`)}
                    </Link>
                    {w.claimDueAt ? (
                      <span className="m-sub">{t(`${md(w.claimDueAt)} 前完成`, `by ${md(w.claimDueAt)}`)}</span>
                    ) : null}
                  </li>
                ))}
                {h.errands.map((e) => (
                  <li key={`e${e.id}`} data-todo="errand">
                    <Link to="/m/service" className="m-month-link">
                      {t(`代办：${e.title}`, `Errand: ${e.title}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {staff ? <OrgOwed /> : null}
          {empty ? <p className="m-empty">{t('本月没有待办', 'Nothing asked of you this month')}</p> : null}
        </>
      )}
    </section>
  );
}

/**
 * The assessment area's cards on a business home (`GET /api/home`'s `assessment`): for a county or a township, the
 * stars per level and the share at ≥ 3 stars against the multi-year target, secretaries' reports graded, pledges
 * fulfilled, cadres in retraining and manual points awaiting approval; for a branch, its own stars and what is left
 * to score, points to publish and pledges to review. Each number links to its module's list with the filter in the
 * URL; the section shows nothing when the role reads none of the area's modules.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { addMonths, chinaToday, type HomeAssessmentT, type HomeT, RATING_STATUSES } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { percent } from '../../life/meetings/model';
import { Card, type Num } from './HomePeople';

/** Where each number of the section leads (the lists keep their filters in the URL). */
export function assessmentLinks(orgId: number | undefined, year: number) {
  const org = orgId;
  return {
    ratings: withQuery('/ratings', { org, year }),
    myRating: '/ratings/mine',
    reports: withQuery('/reports', { org, year }),
    pledges: withQuery('/pledges', { org, year }),
    pledgesToReview: withQuery('/pledges', { org, status: 'submitted' }),
    retraining: withQuery('/retraining', { org }),
    manualPoints: '/points/review',
    pointsToPublish: withQuery('/points', { org, month: addMonths(`${chinaToday().slice(0, 7)}-01`, -1).slice(0, 7) }),
    overview: withQuery('/assessment/overview', { org, year }),
  };
}

/** "★★★☆☆" of a number of stars (up to ten for 十星级). */
export function starsText(stars: number | null, of = 5): string {
  if (stars == null) return '—';
  const max = Math.max(of, stars);
  return '★'.repeat(stars) + '☆'.repeat(max - stars);
}

/** The stars per level as one short line: "5★ 12 · 4★ 30 · …". */
function StarsLine({ s }: { s: HomeAssessmentT }) {
  const t = useT();
  const levels = [...s.starsByLevel].filter((l) => l.count > 0).sort((a, b) => b.stars - a.stars);
  if (!levels.length) return null;
  return (
    <li data-todo="assessment-stars">
      <span>
        {t(`${s.ratingYear} 年星级：`, `Stars of ${s.ratingYear}: `)}
        {levels.map((l) => `${l.stars}★ ${l.count}`).join(' · ')}
      </span>
      {s.target ? (
        <span className={s.target.met ? 'dj-badge' : 'dj-badge dj-badge-warn'}>
          {t(
            `目标 ${s.target.byYear} 年 ${percent(s.target.share)} 达 ${s.target.minStars} 星`,
            `target ${percent(s.target.share)} at ${s.target.minStars}★ by ${s.target.byYear}`,
          )}
        </span>
      ) : null}
    </li>
  );
}

/** A branch's rating of the year in words: its state, a link to its sheet. */
function MyRatingLine({ r }: { r: NonNullable<HomeAssessmentT['myRating']> }) {
  const t = useT();
  const lbl = useLabel();
  return (
    <li data-todo="assessment-my-rating">
      <Link to={`/ratings/${r.id}`}>{t(`${r.year} 年星级评定`, `Star rating ${r.year}`)}</Link>
      <span className={r.status === 'draft' ? 'dj-badge dj-badge-warn' : 'dj-badge'}>
        {lbl(RATING_STATUSES, r.status)}
      </span>
    </li>
  );
}

/** The numbers of a county's or township's view. */
function supervisorNums(s: HomeAssessmentT, orgId: number | undefined, t: (zh: string, en: string) => string): Num[] {
  const l = assessmentLinks(orgId, s.year);
  return [
    {
      key: 'atLeast3Share',
      title: t(`三星及以上（${s.ratingYear}）`, `≥ 3 stars (${s.ratingYear})`),
      value: s.rated ? percent(s.atLeast3Share) : '—',
      href: withQuery('/ratings', { org: orgId, year: s.ratingYear }),
    },
    // The latest published 述职 results with their year; this year's round apart, by what is submitted so far.
    {
      key: 'reportsGraded',
      title: s.reportsResult
        ? t(`述职已评议（${s.reportsResult.year}）`, `Reports graded (${s.reportsResult.year})`)
        : t('述职已评议', 'Reports graded'),
      value: s.reportsResult ? `${s.reportsResult.graded}/${s.reportsResult.due}` : '—',
      href: s.reportsResult ? withQuery('/reports', { org: orgId, year: s.reportsResult.year }) : l.reports,
    },
    {
      key: 'reportsSubmitted',
      title: t(`${s.year} 年述职已提交`, `Reports submitted ${s.year}`),
      value: `${s.reportsSubmitted}/${s.reportsDue}`,
      href: l.reports,
    },
    {
      key: 'pledgesFulfilled',
      title: t('承诺已践诺', 'Pledges fulfilled'),
      value: `${s.pledgesFulfilled}/${s.pledgesMade}`,
      href: l.pledges,
    },
    {
      key: 'cadresInRetraining',
      title: t('整训干部', 'Cadres in retraining'),
      value: s.cadresInRetraining,
      href: l.retraining,
    },
    {
      key: 'manualPointsAwaiting',
      title: t('积分待审核', 'Points to approve'),
      value: s.manualPointsAwaiting,
      href: l.manualPoints,
      alert: true,
    },
  ];
}

/** The numbers of a branch's view: its own stars and to-do. */
function branchNums(s: HomeAssessmentT, orgId: number | undefined, t: (zh: string, en: string) => string): Num[] {
  const l = assessmentLinks(orgId, s.year);
  const r = s.myRating;
  // This year's stars once published, else last year's.
  const stars = r?.stars ?? r?.lastYearStars ?? null;
  const starsYear = r?.stars != null ? r.year : s.year - 1;
  return [
    {
      key: 'myStars',
      title: t(`本支部星级（${starsYear}）`, `Our stars (${starsYear})`),
      value: stars != null ? starsText(stars) : t('未评定', 'Not rated'),
      href: r ? `/ratings/${r.id}` : l.myRating,
    },
    {
      key: 'toScore',
      title: t('待自评指标', 'Items to score'),
      value: r?.toScore ?? 0,
      href: r ? `/ratings/${r.id}` : l.myRating,
      alert: true,
    },
    {
      key: 'pointsToPublish',
      title: t('积分待公示', 'Points to publish'),
      value: s.pointsToPublish,
      href: l.pointsToPublish,
    },
    {
      key: 'pledgesToReview',
      title: t('承诺待审核', 'Pledges to review'),
      value: s.pledgesToReview,
      href: l.pledgesToReview,
    },
  ];
}

/** The assessment lines of "本月待办": what waits on the scope now, each a link to its list. */
export function useAssessmentTodo(home: HomeT): ReactNode[] {
  const t = useT();
  const s = home.assessment;
  if (!s) return [];
  const l = assessmentLinks(home.orgId, s.year);
  const out: ReactNode[] = [];
  const line = (key: string, href: string, text: string) =>
    out.push(
      <li key={key} data-todo={`assessment-${key}`}>
        <Link to={href}>{text}</Link>
      </li>,
    );
  if (s.manualPointsAwaiting)
    line(
      'points',
      l.manualPoints,
      t(`${s.manualPointsAwaiting} 条积分待审核`, `${s.manualPointsAwaiting} points to approve`),
    );
  if (s.myRating?.toScore)
    line(
      'score',
      l.myRating,
      t(`星级评定还有 ${s.myRating.toScore} 项待自评`, `${s.myRating.toScore} rating items to score`),
    );
  if (s.pledgesToReview)
    line(
      'pledges',
      l.pledgesToReview,
      t(`${s.pledgesToReview} 项承诺待审核`, `${s.pledgesToReview} pledges to review`),
    );
  if (s.pointsToPublish)
    line(
      'publish',
      l.pointsToPublish,
      t(`${s.pointsToPublish} 条积分待公示`, `${s.pointsToPublish} point entries to publish`),
    );
  return out;
}

/** The assessment section of a business home; nothing when the role reads none of its modules. */
export function HomeAssessment({ home }: { home: HomeT }) {
  const t = useT();
  const { data: me } = useMe();
  const s = home.assessment;
  if (!s) return null;
  // The county and the townships watch what is below them; a branch sees its own stars and to-do.
  const supervisor = !!me && hasCap(me, 'assessmentOverview.read');
  const title = t('考核激励', 'Assessment');
  const rows = supervisor
    ? s.rated
      ? [<StarsLine key="stars" s={s} />]
      : []
    : s.myRating
      ? [<MyRatingLine key="mine" r={s.myRating} />]
      : [];
  return (
    <section aria-label={title} data-testid="assessment-figures">
      <h2 className="dj-h1 dj-section-title">{title}</h2>
      <div className="dj-grid-charts dj-people-grid">
        <Card
          title={supervisor ? t('考核激励情况', 'Assessment below') : t('考核激励待办', 'Assessment to-do')}
          testId="home-assessment"
          nums={supervisor ? supervisorNums(s, home.orgId, t) : branchNums(s, home.orgId, t)}
          rows={rows}
          empty={
            supervisor ? t('尚无星级评定结果', 'No star rating yet') : t('本支部尚未参加星级评定', 'Not rated yet')
          }
          more={
            supervisor ? (
              <Link className="dj-people-more" to={assessmentLinks(home.orgId, s.year).overview}>
                {t('查看考核激励总览', 'Open the assessment overview')}
              </Link>
            ) : null
          }
        />
      </div>
    </section>
  );
}

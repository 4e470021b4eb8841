/**
 * The cadres, learning and village-economy cards on a business home (`GET /api/home`'s `economy`): for a county or a
 * township, villages per income class and the villages whose class changed from last year (up or down, with the
 * amounts), income entries awaiting review, the two committees of the latest term, members short of training hours
 * and this month's learning items held; for a village, its class this year and last, its entries and this month's
 * items. Each number links to its module's page with the filter in the URL; nothing shows when every part is null.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  type HomeClassChangeT,
  type HomeEconomyT,
  type HomeIncomeClass,
  type HomeT,
  INCOME_CLASS_ORDER,
  INCOME_CLASSES,
} from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { percent } from '../../life/meetings/model';
import { Card, type Num } from './HomePeople';

type T = (zh: string, en: string) => string;

/** A class in words (振兴村, 富裕村 …), the incomes module's labels. */
const classWord = (k: HomeIncomeClass, t: T) => t(INCOME_CLASSES[k].zh, INCOME_CLASSES[k].en);

/** Fen as 万元 with two decimals ("52.30 万元"). */
export function wan(fen: number | null, t: T): string {
  if (fen == null) return '—';
  const v = (fen / 1_000_000).toFixed(2);
  return t(`${v} 万元`, `${v} × 10k yuan`);
}

/** Where each number of the section leads (the pages keep their filters in the URL). */
export function economyLinks(orgId: number | undefined, year: number) {
  const org = orgId;
  return {
    classes: withQuery('/economy/incomes/classes', { org, year }),
    classOf: (c: HomeIncomeClass) => withQuery('/economy/incomes/classes', { org, year, class: c }),
    incomes: withQuery('/economy/incomes', { org, year }),
    awaiting: withQuery('/economy/incomes', { org, status: 'submitted' }),
    elections: (term: string) => withQuery('/elections', { org, term }),
    hours: withQuery('/training/hours', { org, year }),
    short: withQuery('/training/hours', { org, year, short: 'true' }),
    learning: withQuery('/learning', { org }),
  };
}

/** "小康村 → 富裕村 ↑ 120.00 万元（去年 80.00 万元）" of one village. */
function ChangeRow({ c, t }: { c: HomeClassChangeT; t: T }) {
  const word = (k: HomeIncomeClass | null) => (k ? classWord(k, t) : '—');
  const up = c.direction === 'up';
  return (
    <li data-todo="class-change" data-org={c.orgId} data-direction={c.direction}>
      <Link to={withQuery('/economy/incomes', { org: c.orgId })}>
        {c.orgName}
        {c.parentName ? ` · ${c.parentName}` : ''}
      </Link>
      <span className="dj-muted">
        {word(c.from)} → {word(c.to)} · {wan(c.totalFen, t)}
        {t(`（去年 ${wan(c.lastTotalFen, t)}）`, ` (last year ${wan(c.lastTotalFen, t)})`)}
      </span>
      <span className={up ? 'dj-badge' : 'dj-badge dj-badge-error'}>
        {up ? t('↑ 升档', '↑ up') : t('↓ 降档', '↓ down')}
      </span>
    </li>
  );
}

/** The county's or township's numbers: classes, changes, entries awaiting review. */
function incomeNums(e: HomeEconomyT, orgId: number, t: T): Num[] {
  const i = e.incomes!;
  const l = economyLinks(orgId, i.year);
  return [
    ...INCOME_CLASS_ORDER.map((k) => ({
      key: `class-${k}`,
      title: classWord(k, t),
      value: i.byClass[k],
      href: l.classOf(k),
    })),
    { key: 'total', title: t(`${i.year} 年集体收入`, `Income ${i.year}`), value: wan(i.totalFen, t), href: l.classes },
    { key: 'up', title: t('较上年升档', 'Up from last year'), value: i.up, href: l.classes },
    { key: 'down', title: t('较上年降档', 'Down from last year'), value: i.down, href: l.classes, alert: true },
    { key: 'awaiting', title: t('收入待审核', 'Entries to review'), value: i.awaitingReview, href: l.awaiting },
  ];
}

/** The committees', training's and learning's numbers of a county or township. */
function peopleNums(e: HomeEconomyT, orgId: number, t: T): Num[] {
  const out: Num[] = [];
  const c = e.committees;
  if (c) {
    const href = economyLinks(orgId, 0).elections(c.term);
    const change = c.averageAgeChange;
    out.push(
      {
        key: 'oneShoulder',
        title: t(`一肩挑（${c.term} 届）`, `Both posts (${c.term})`),
        value: share(c.oneShoulderShare),
        href,
      },
      {
        key: 'averageAge',
        title:
          change == null
            ? t('两委平均年龄', 'Average age')
            : t(
                `平均年龄（较上届${change <= 0 ? '下降' : '上升'} ${Math.abs(change).toFixed(1)} 岁）`,
                `Average age (${change <= 0 ? 'down' : 'up'} ${Math.abs(change).toFixed(1)})`,
              ),
        value: c.averageAge == null ? '—' : c.averageAge.toFixed(1),
        href,
      },
    );
  }
  if (e.training) {
    const l = economyLinks(orgId, e.training.year);
    out.push(
      {
        key: 'hoursShort',
        title: t('学时未达标党员', 'Members short of hours'),
        value: e.training.short,
        href: l.short,
        alert: true,
      },
      {
        key: 'hoursReached',
        title: t('学时达标率', 'Hours reached'),
        value: share(e.training.reachedShare),
        href: l.hours,
      },
    );
  }
  if (e.learning) {
    const href = economyLinks(orgId, 0).learning;
    out.push(
      { key: 'learningItems', title: t('本月学习事项', 'Learning items this month'), value: e.learning.items, href },
      {
        key: 'learningHeld',
        title: t('本月学习落实率', 'Items held this month'),
        value: share(e.learning.heldShare),
        href,
      },
    );
  }
  return out;
}

const share = (s: number | null) => (s == null ? '—' : percent(s));

/** A village's own card: its class this year and last, its entries, this month's learning items. */
function VillageCard({ e, orgId, t }: { e: HomeEconomyT; orgId: number; t: T }) {
  const v = e.village!;
  const l = economyLinks(orgId, v.year);
  const word = (k: HomeIncomeClass | null) => (k ? classWord(k, t) : t('未评定', 'None'));
  const rows: ReactNode[] = v.learning.map((i) => (
    <li key={i.id} data-todo="learning-item">
      <Link to={`/learning/${i.id}`}>{i.title}</Link>
      <span className={i.held ? 'dj-badge' : 'dj-badge dj-badge-warn'}>
        {i.held ? t('已学习', 'Held') : t('待学习', 'To hold')}
      </span>
    </li>
  ));
  return (
    <Card
      title={t('本村集体经济与学习', 'Our economy and learning')}
      testId="home-village-economy"
      nums={[
        { key: 'class', title: t(`${v.year} 年档次`, `Class ${v.year}`), value: word(v.class), href: l.classes },
        {
          key: 'lastClass',
          title: t(`${v.year - 1} 年档次`, `Class ${v.year - 1}`),
          value: word(v.lastClass),
          href: l.classes,
        },
        {
          key: 'total',
          title: t(`${v.year} 年集体收入`, `Income ${v.year}`),
          value: wan(v.totalFen, t),
          href: l.incomes,
        },
        { key: 'submitted', title: t('收入待审核', 'Entries in review'), value: v.entries.submitted, href: l.incomes },
        {
          key: 'returned',
          title: t('收入被退回', 'Entries returned'),
          value: v.entries.returned,
          href: l.incomes,
          alert: true,
        },
      ]}
      rows={rows}
      empty={t('本月没有学习事项', 'No learning items this month')}
    />
  );
}

/** The section on a business home; nothing when the role reads none of its modules. */
export function HomeEconomy({ home }: { home: HomeT }) {
  const t = useT();
  const e = home.economy;
  if (!e || (!e.incomes && !e.committees && !e.training && !e.learning && !e.village)) return null;
  const title = t('干部队伍与集体经济', 'Cadres and the village economy');
  const people = peopleNums(e, home.orgId, t);
  return (
    <section aria-label={title} data-testid="economy-figures">
      <h2 className="dj-h1 dj-section-title">{title}</h2>
      <div className="dj-grid-charts dj-people-grid">
        {e.village ? <VillageCard e={e} orgId={home.orgId} t={t} /> : null}
        {e.incomes && !e.village ? (
          <Card
            title={t('村集体经济', 'Collective economy')}
            testId="home-incomes"
            nums={incomeNums(e, home.orgId, t)}
            rows={e.incomes.changes.map((c) => <ChangeRow key={c.orgId} c={c} t={t} />)}
            empty={t('各村档次与上年相同', 'No village changed class')}
            more={
              e.incomes.up + e.incomes.down > e.incomes.changes.length ? (
                <Link className="dj-people-more" to={economyLinks(home.orgId, e.incomes.year).classes}>
                  {t(
                    `查看全部 ${e.incomes.up + e.incomes.down} 个档次变化的村`,
                    `All ${e.incomes.up + e.incomes.down} villages that changed`,
                  )}
                </Link>
              ) : null
            }
          />
        ) : null}
        {people.length && !e.village ? (
          <Card
            title={t('村两委与学习培训', 'Committees, learning and training')}
            testId="home-cadres-learning"
            nums={people}
            rows={[]}
            empty={t('数据来自换届分析、学时统计与学习清单', 'From the election analytics, hours and learning lists')}
          />
        ) : null}
      </div>
    </section>
  );
}

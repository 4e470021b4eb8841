/**
 * The public board (公开晾晒) at `/board`: anyone, without signing in, on a phone or on a wall screen (from 1600 px
 * wide, or `?layout=wall`). It shows the star ratings of organizations, the points ranking of each branch (names
 * masked by the server: 张*, 欧阳**), pledges and their state and residents' micro-wishes, for the county or the
 * subtree of `?org=` and the year of `?year=`, and reads them again every five minutes.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { type PublicBoardT, WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { ApiError, request } from '../../../api/client';
import { useLabel, useLocale, useT } from '../../../app/i18n';
import './board.css';

const REFRESH_MS = 300_000;
/** Organizations listed by their stars (the best first); the rest are counted. */
const SHOWN = 40;

/** Stars as characters, read out as a number. */
function StarLine({ n, of = 5 }: { n: number; of?: number }) {
  const t = useT();
  const all = Math.max(of, n);
  return (
    <span className="dj-board-stars" role="img" aria-label={t(`${n} 星`, `${n} stars`)}>
      {'★'.repeat(n)}
      <span className="off">{'☆'.repeat(all - n)}</span>
    </span>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="dj-board-card" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Empty({ text }: { text: string }) {
  return <p className="dj-board-empty">{text}</p>;
}

function StarsPart({ b }: { b: PublicBoardT }) {
  const t = useT();
  const { locale } = useLocale();
  const s = b.stars;
  return (
    <Section title={t(`${s.year} 年度星级评定`, `Star ratings ${s.year}`)} testId="board-stars">
      {s.items.length ? (
        <>
          <p className="dj-board-sum">
            {s.byLevel.map((l) => (
              <span key={l.stars}>{t(`${l.stars}星 ${l.count} 个`, `${l.stars}★ ${l.count}`)}</span>
            ))}
            {s.atLeast3 != null ? (
              <span className="hi">
                {t(`三星及以上 ${Math.round(s.atLeast3 * 100)}%`, `3★ and up ${Math.round(s.atLeast3 * 100)}%`)}
              </span>
            ) : null}
          </p>
          <ul className="dj-board-list">
            {s.items.slice(0, SHOWN).map((i) => (
              <li key={i.orgId}>
                <span className="name">{i.orgName}</span>
                <StarLine n={i.stars} />
                <span className="tag">{locale === 'en' ? i.statusLabel.en : i.statusLabel.zh}</span>
              </li>
            ))}
          </ul>
          {s.rated > Math.min(SHOWN, s.items.length) ? (
            <p className="dj-board-empty">
              {t(
                `另有 ${s.rated - Math.min(SHOWN, s.items.length)} 个党组织`,
                `${s.rated - Math.min(SHOWN, s.items.length)} more organizations`,
              )}
            </p>
          ) : null}
        </>
      ) : (
        <Empty text={t('本年度星级评定结果尚未公示', 'No rating published for this year yet')} />
      )}
    </Section>
  );
}

function RankingPart({ b }: { b: PublicBoardT }) {
  const t = useT();
  return (
    <Section title={t('党员积分排名', 'Points ranking')} testId="board-ranking">
      {b.rankings.length ? (
        <div className="dj-board-ranks">
          {b.rankings.map((r) => (
            <div key={r.orgId} className="dj-board-rank">
              <h3>{r.orgName}</h3>
              <ol>
                {r.entries.map((e) => (
                  <li key={`${e.rank}-${e.name}-${e.points}`}>
                    <span className={`no no${e.rank}`}>{e.rank}</span>
                    <span className="name">{e.name}</span>
                    <span className="pts">{t(`${e.points} 分`, `${e.points}`)}</span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      ) : (
        <Empty text={t('本年度积分排名尚未公布', 'No ranking for this year yet')} />
      )}
    </Section>
  );
}

function PledgesPart({ b }: { b: PublicBoardT }) {
  const t = useT();
  const { locale } = useLocale();
  const p = b.pledges;
  return (
    <Section title={t('承诺践诺', 'Pledges')} testId="board-pledges">
      {p.items.length ? (
        <>
          <p className="dj-board-sum">
            <span>{t(`公开承诺 ${p.total} 项`, `${p.total} pledges`)}</span>
            <span className="hi">{t(`已践诺 ${p.fulfilled} 项`, `${p.fulfilled} fulfilled`)}</span>
          </p>
          <ul className="dj-board-list pledges">
            {p.items.map((i, n) => (
              <li key={`${n}-${i.title}`}>
                <span className="who">{i.memberName ?? t('组织承诺', 'Organization')}</span>
                <span className="title">{i.title}</span>
                <span className="tag">{locale === 'en' ? i.statusLabel.en : i.statusLabel.zh}</span>
                <span className="org">{i.orgName}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Empty text={t('本年度承诺尚未公开', 'No pledge published for this year yet')} />
      )}
    </Section>
  );
}

function WishesPart({ b }: { b: PublicBoardT }) {
  const t = useT();
  const lbl = useLabel();
  const w = b.wishes;
  return (
    <Section title={t('微心愿', 'Micro-wishes')} testId="board-wishes">
      <p className="dj-board-sum">
        {w.counts.map((c) => (
          <span key={c.status}>
            {lbl(WISH_STATUSES, c.status)} {c.count}
          </span>
        ))}
      </p>
      {w.items.length ? (
        <ul className="dj-board-list">
          {w.items.map((i, n) => (
            <li key={`${n}-${i.title}`}>
              <span className="tag">{lbl(WISH_KINDS, i.kind)}</span>
              <span className="title">{i.title}</span>
              <span className="org">{i.orgName}</span>
              <span className="tag">{lbl(WISH_STATUSES, i.status)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('本年度暂无微心愿', 'No micro-wish this year')} />
      )}
    </Section>
  );
}

/** The page. */
export default function BoardApp() {
  const t = useT();
  const [params] = useSearchParams();
  const org = Number(params.get('org')) || undefined;
  const year = Number(params.get('year')) || undefined;
  const wall = params.get('layout') === 'wall';
  const q = useQuery({
    queryKey: ['public-board', org ?? null, year ?? null],
    queryFn: ({ signal }) =>
      request<PublicBoardT>('GET', '/api/public/board', { query: { org, year }, signal, quiet401: true }),
    refetchInterval: REFRESH_MS,
    retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 3,
  });
  const b = q.data;
  useEffect(() => {
    document.title = b ? `${b.org.name} · ${t('公开晾晒', 'Public board')}` : t('公开晾晒', 'Public board');
  }, [b, t]);
  const cls = `dj-board${wall ? ' wall' : ''}`;
  if (q.error) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <main className={cls} role="alert">
        <p className="dj-board-empty">
          {missing
            ? t('没有找到这个党组织的公开晾晒', 'There is no board for this organization')
            : t('暂时无法读取，请稍后刷新', 'Cannot read the board now: refresh later')}
        </p>
      </main>
    );
  }
  if (!b) return <main className={cls} aria-busy="true" />;
  return (
    <main className={cls} data-testid="board">
      <header className="dj-board-head">
        <h1 data-testid="board-title">{b.org.name}</h1>
        <p>{t(`${b.year} 年度 · 公开晾晒`, `${b.year} · Public board`)}</p>
      </header>
      <div className="dj-board-grid">
        <StarsPart b={b} />
        <RankingPart b={b} />
        <PledgesPart b={b} />
        <WishesPart b={b} />
      </div>
      <footer className="dj-board-foot">
        {t(
          '依据党员积分、承诺践诺和评星定级记录公开，姓名已作脱敏处理，不公开身份证号、电话和住址。',
          'From the records of points, pledges and ratings; names are masked; no ID, phone or address is shown.',
        )}
      </footer>
    </main>
  );
}

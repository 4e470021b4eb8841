/**
 * A member's own development progress on the phone (`/m/development`, from `GET /api/development/mine`): the stage on
 * the path of five, the steps done with their dates, and the next one with the day it is due. No UI library.
 */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import {
  DEVELOPMENT_PATH,
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEP_LABELS,
  NEXT_STEP_STATES,
  type DevelopmentMine,
} from '@dangjian/contracts';
import { api } from '../../../../api/client';
import { useLabel, useT } from '../../../../app/i18n';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import './my-development.css';

type Mine = Static<typeof DevelopmentMine>;

function useMine() {
  return useQuery({
    queryKey: ['development-mine'],
    queryFn: ({ signal }) => api.get<Mine>('/api/development/mine', undefined, signal),
  });
}

/** A card on the member's home leading to its progress; nothing when the member has no development record. */
export function DevelopmentShortcut() {
  const t = useT();
  const lbl = useLabel();
  const q = useMine();
  const c = q.data?.candidate;
  if (!c) return null;
  return (
    <section className="m-card" aria-label={t('我的入党进程', 'My way into the Party')}>
      <h2>{t('我的入党进程', 'My way into the Party')}</h2>
      <p className="m-sub">
        {lbl(DEVELOPMENT_STAGES, c.stage)}
        {c.next
          ? t(
              ` · 下一步：${lbl(DEVELOPMENT_STEP_LABELS, c.next.step)}`,
              ` · next: ${lbl(DEVELOPMENT_STEP_LABELS, c.next.step)}`,
            )
          : ''}
      </p>
      <Link className="m-link" to="/m/development" data-testid="m-development-link">
        {t('查看进程', 'See the progress')}
      </Link>
    </section>
  );
}

/** `/m/development`: the member's own progress. */
export function MyDevelopmentPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useMine();
  if (q.isPending) return <Skeleton />;
  if (q.error)
    return <ProblemCard error={q.error} empty={t('您没有发展党员记录。', 'You have no development record.')} />;
  const c = q.data.candidate;
  if (!c)
    return (
      <section className="m-card" data-testid="m-development-none">
        <p className="m-sub">{t('您没有发展党员记录。', 'You have no development record.')}</p>
      </section>
    );
  const at = DEVELOPMENT_PATH.indexOf(c.stage);
  return (
    <>
      <section className="m-card" data-testid="m-development">
        <h2>{c.name}</h2>
        <p className="m-sub">{c.orgName}</p>
        <ol className="md-path" aria-label={t('五个阶段', 'The five stages')}>
          {DEVELOPMENT_PATH.map((s, i) => (
            <li
              key={s}
              className={i < at ? 'done' : i === at ? 'here' : ''}
              aria-current={i === at ? 'step' : undefined}
            >
              {lbl(DEVELOPMENT_STAGES, s)}
            </li>
          ))}
        </ol>
        {at < 0 ? <p className="m-sub">{lbl(DEVELOPMENT_STAGES, c.stage)}</p> : null}
        <dl>
          <div className="m-row">
            <dt>{t('递交申请', 'Applied on')}</dt>
            <dd>{c.appliedOn}</dd>
          </div>
          {c.admittedOn ? (
            <div className="m-row">
              <dt>{t('接收为预备党员', 'Admitted on')}</dt>
              <dd>{c.admittedOn}</dd>
            </div>
          ) : null}
          {c.probationEnd ? (
            <div className="m-row">
              <dt>{t('预备期满', 'Probation ends')}</dt>
              <dd>{c.probationEnd}</dd>
            </div>
          ) : null}
          {c.convertedOn ? (
            <div className="m-row">
              <dt>{t('转为正式党员', 'Full member on')}</dt>
              <dd>{c.convertedOn}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {c.next ? (
        <section className="m-card" data-testid="m-development-next">
          <h2>{t('下一步', 'Next step')}</h2>
          <p>{lbl(DEVELOPMENT_STEP_LABELS, c.next.step)}</p>
          <p className="m-sub">
            {c.next.dueOn ? t(`${c.next.dueOn} 前完成`, `Due ${c.next.dueOn}`) : ''}
            {c.next.opensOn && !c.next.dueOn ? t(`${c.next.opensOn} 起可办理`, `Opens ${c.next.opensOn}`) : ''}
            {' · '}
            {lbl(NEXT_STEP_STATES, c.next.state)}
          </p>
        </section>
      ) : null}
      <section className="m-card">
        <h2>{t('已完成的步骤', 'Steps done')}</h2>
        {c.done.length ? (
          <dl>
            {c.done.map((s, i) => (
              <div className="m-row" key={`${s.step}-${i}`}>
                <dt>
                  {s.no}. {lbl(DEVELOPMENT_STEP_LABELS, s.step)}
                </dt>
                <dd>{s.doneOn}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="m-sub">{t('尚无记录', 'Nothing recorded yet')}</p>
        )}
      </section>
    </>
  );
}

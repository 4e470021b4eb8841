/**
 * The member's own dues and way into the Party on the phone home (`/m/`), from `GET /api/home/mine` (the query
 * "本月待办" already made): this month's bill and what is owed since when, linking to `/m/dues`; the stage and the
 * next step with its day, linking to `/m/development`. Nothing shows for a member without them.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEP_LABELS,
  DUES_BILL_STATUSES,
  NEXT_STEP_STATES,
  type HomeMineT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { MyAssessment } from './MyAssessment';
import { MyLearning } from './MyLearning';
import './my-month.css';

const yuan = (n: number) => `¥${n.toFixed(2)}`;
/** "2026年4月" of a month (the Chinese text; the English one reads YYYY-MM). */
const monthZh = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

function MyDues({ d }: { d: NonNullable<HomeMineT['dues']> }) {
  const t = useT();
  const lbl = useLabel();
  const title = t('我的党费', 'My dues');
  const b = d.bill;
  return (
    <section className="m-card m-month" aria-label={title} data-testid="m-my-dues">
      <h2>{title}</h2>
      <ul className="m-month-list">
        <li data-todo="dues-bill">
          <span>
            {t(`${Number(d.month.slice(5))}月党费`, `Dues for ${d.month}`)}
            {b && b.paid > 0 && b.outstanding > 0 ? (
              <span className="m-sub"> {t(`已缴 ${yuan(b.paid)}`, `paid ${yuan(b.paid)}`)}</span>
            ) : null}
          </span>
          {b ? (
            <span className={`m-state ${b.outstanding > 0 ? 'warn' : ''}`}>
              {yuan(b.amount)} · {lbl(DUES_BILL_STATUSES, b.status)}
            </span>
          ) : (
            <span className="m-state">{t('本月账单未生成', 'Not billed yet')}</span>
          )}
        </li>
        <li data-todo="dues-owed">
          <span>{t('累计未缴', 'Owed in all')}</span>
          <span className={`m-state ${d.owed > 0 ? 'warn' : ''}`}>
            {d.owed > 0 && d.owedSince
              ? t(`${yuan(d.owed)}（自${monthZh(d.owedSince)}起）`, `${yuan(d.owed)} since ${d.owedSince}`)
              : t('已全部缴清', 'All paid')}
          </span>
        </li>
      </ul>
      <Link className="m-link" to="/m/dues" data-testid="m-dues-link">
        {t('查看党费账单', 'See my bills')}
      </Link>
    </section>
  );
}

function MyProgress({ c }: { c: NonNullable<HomeMineT['development']> }) {
  const t = useT();
  const lbl = useLabel();
  const title = t('我的入党进程', 'My way into the Party');
  const n = c.next;
  const late = n?.state === 'overdue';
  return (
    <section className="m-card m-month" aria-label={title} data-testid="m-my-progress">
      <h2>{title}</h2>
      <ul className="m-month-list">
        <li>
          <span>{t('当前阶段', 'Stage')}</span>
          <span className="m-state">{lbl(DEVELOPMENT_STAGES, c.stage)}</span>
        </li>
        {n ? (
          <li data-todo="development-next">
            <span>
              {t('下一步：', 'Next: ')}
              {lbl(DEVELOPMENT_STEP_LABELS, n.step)}
              {n.dueOn ? <span className="m-sub"> {t(`${n.dueOn} 前`, `by ${n.dueOn}`)}</span> : null}
            </span>
            <span className={`m-state ${late ? 'warn' : ''}`}>{lbl(NEXT_STEP_STATES, n.state)}</span>
          </li>
        ) : null}
        {c.probationEnd && c.stage === 'probationary' ? (
          <li>
            <span>{t('预备期满', 'Probation ends')}</span>
            <span className="m-state">{c.probationEnd}</span>
          </li>
        ) : null}
      </ul>
      <Link className="m-link" to="/m/development" data-testid="m-development-link">
        {t('查看进程', 'See the progress')}
      </Link>
    </section>
  );
}

/** My dues and my progress on the phone home; nothing while loading or when I have neither. */
export function MyPeopleCards() {
  const q = useQuery({
    queryKey: ['home-mine'],
    queryFn: ({ signal }) => api.get<HomeMineT>('/api/home/mine', undefined, signal),
    staleTime: 15_000,
  });
  const h = q.data;
  if (!h) return null;
  return (
    <>
      {h.dues ? <MyDues d={h.dues} /> : null}
      {h.development ? <MyProgress c={h.development} /> : null}
      {h.assessment ? <MyAssessment a={h.assessment} /> : null}
      {h.learning ? <MyLearning l={h.learning} /> : null}
    </>
  );
}

/** The member's own pages on the phone: my profile and my branch. */
import { type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EDUCATIONS, ELECTION_STATUSES, GENDERS, MEMBER_STATUSES, ORG_TYPES, ROLES } from '@dangjian/contracts';
import { api } from '../../api/client';
import type { Me, Member, Org } from '../../api/types';
import { useLabel, useT } from '../i18n';
import { CheckinShortcut } from '../../areas/life/meetings/phone/MeetingPages';
import { ProblemCard, Skeleton } from './parts';
import { ServiceShortcut } from '../../areas/residents/common/phone/MemberServicePages';
import { PledgesShortcut } from '../../areas/assessment/pledges/phone/MyPledgesPage';
import { TrainingShortcut } from '../../areas/life/training/phone/MyTraining';
import { MyMonthCard } from '../../areas/core/home/MyMonth';
import { MyPeopleCards } from '../../areas/core/home/MyPeople';
import './mobile.css';

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <div className="m-row">
      <dt>{k}</dt>
      <dd>{v ?? '—'}</dd>
    </div>
  );
}

/** My profile (`/m/`). */
export function ProfilePage({ me }: { me: Me }) {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['me-member'],
    queryFn: ({ signal }) => api.get<Member>('/api/me/member', undefined, signal),
  });
  const m = q.data;
  return (
    <>
      <section className="m-card m-hero" aria-label={t('我的信息', 'About me')}>
        <div className="m-avatar" aria-hidden>
          {(m?.name ?? me.displayName).slice(-2, -1) || me.displayName.slice(0, 1)}
        </div>
        <div>
          <div className="m-name" data-testid="m-name">
            {m?.name ?? me.displayName}
          </div>
          <div className="m-sub">{me.orgName ?? lbl(ROLES, me.role)}</div>
          {m ? <span className="m-tag">{lbl(MEMBER_STATUSES, m.status)}</span> : null}
        </div>
      </section>
      <MyMonthCard me={me} />
      {me.memberId ? <CheckinShortcut /> : null}
      {me.memberId ? <ServiceShortcut /> : null}
      {me.memberId ? <PledgesShortcut /> : null}
      {me.memberId ? <TrainingShortcut /> : null}
      {me.memberId ? <MyPeopleCards /> : null}
      {q.isPending ? (
        <Skeleton />
      ) : q.error ? (
        <ProblemCard
          error={q.error}
          empty={t('您的账号未关联党员档案', 'Your account is not linked to a member record')}
        />
      ) : m ? (
        <>
          <section className="m-card m-stats" aria-label={t('党龄', 'Party years')}>
            <div>
              <b>{m.partyYears}</b>
              <span>{t('党龄（年）', 'Party years')}</span>
            </div>
            <div>
              <b>{m.age}</b>
              <span>{t('年龄', 'Age')}</span>
            </div>
            <div>
              <b>{m.joinedAt.slice(0, 4)}</b>
              <span>{t('入党年份', 'Year joined')}</span>
            </div>
          </section>
          <section className="m-card">
            <h2>{t('我的档案', 'My record')}</h2>
            <dl className="m-dl">
              <Row k={t('性别', 'Sex')} v={lbl(GENDERS, m.gender)} />
              <Row k={t('出生日期', 'Born')} v={m.birthDate} />
              <Row k={t('身份证号', 'ID number')} v={m.idNumber} />
              <Row k={t('手机号', 'Phone')} v={m.phone} />
              <Row k={t('学历', 'Education')} v={lbl(EDUCATIONS, m.education) || '—'} />
              <Row k={t('所在支部', 'Branch')} v={m.orgName} />
              <Row k={t('入党时间', 'Joined')} v={m.joinedAt} />
              <Row k={t('转正时间', 'Full member since')} v={m.fullMemberAt ?? '—'} />
            </dl>
          </section>
        </>
      ) : null}
    </>
  );
}

/** My branch (`/m/branch`). */
export function BranchPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({ queryKey: ['me-org'], queryFn: ({ signal }) => api.get<Org>('/api/me/org', undefined, signal) });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('没有找到您的支部', 'Your branch was not found')} />;
  const o = q.data;
  return (
    <>
      <section className="m-card">
        <h2 data-testid="m-branch-name">{o.name}</h2>
        <span className="m-tag">{lbl(ORG_TYPES, o.type)}</span>
        <div className="m-sub" style={{ marginTop: 8 }}>
          {o.path
            .slice(0, -1)
            .map((p) => p.name)
            .join(' / ')}
        </div>
      </section>
      <section className="m-card m-stats" aria-label={t('党员人数', 'Members')}>
        <div>
          <b>{o.memberCounts.total}</b>
          <span>{t('党员', 'Members')}</span>
        </div>
        <div>
          <b>{o.memberCounts.full}</b>
          <span>{t('正式', 'Full')}</span>
        </div>
        <div>
          <b>{o.memberCounts.probationary}</b>
          <span>{t('预备', 'Probationary')}</span>
        </div>
      </section>
      <section className="m-card">
        <h2>{t('支部班子', 'Committee')}</h2>
        <dl className="m-dl">
          <Row k={t('书记', 'Secretary')} v={o.secretary?.name ?? t('未设置', 'Not set')} />
          {o.committee
            .filter((c) => c.name !== o.secretary?.name || !/书记|secretary/i.test(c.position))
            .map((c, i) => (
              <Row key={i} k={c.position} v={c.name} />
            ))}
        </dl>
      </section>
      <section className="m-card">
        <h2>{t('届期', 'Term')}</h2>
        <dl className="m-dl">
          <Row
            k={t('本届', 'Current term')}
            v={o.termStart || o.termEnd ? `${o.termStart ?? '?'} ~ ${o.termEnd ?? '?'}` : '—'}
          />
          <Row k={t('换届状态', 'Election')} v={lbl(ELECTION_STATUSES, o.electionStatus)} />
        </dl>
      </section>
    </>
  );
}

/** The figure cards of one unit: members, organizations, organizational life and serving residents. */
import { Space, Tag } from 'antd';
import { MEETING_KIND_LABELS, type RegionFiguresT } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { StatGrid } from '../../../components/Figures';
import { pct } from './regionLinks';

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId} style={{ marginBottom: 16 }}>
      <h2 className="dj-card-title">{title}</h2>
      {children}
    </section>
  );
}

/** The four groups of cards; the meeting kinds as tags with their Chinese names. */
export function RegionFigureCards({ f }: { f: RegionFiguresT }) {
  const t = useT();
  const lbl = useLabel();
  const m = f.members;
  const kinds = Object.keys(MEETING_KIND_LABELS).filter((k) => (f.meetings.byKind[k] ?? 0) > 0);
  return (
    <div className="rg-figures">
      <Section title={t('党员', 'Members')} testId="rg-members">
        <StatGrid
          items={[
            { testId: 'rg-members-total', title: t('党员总数', 'Members'), value: m.total },
            { testId: 'rg-members-formal', title: t('正式党员', 'Full members'), value: m.formal },
            { testId: 'rg-members-probationary', title: t('预备党员', 'Probationary'), value: m.probationary },
            { testId: 'rg-members-female', title: t('女党员', 'Women'), value: m.female },
            { testId: 'rg-members-minority', title: t('少数民族', 'Ethnic minorities'), value: m.minority },
            { testId: 'rg-members-under35', title: t('35岁及以下', 'Aged 35 or under'), value: m.under35 },
            { testId: 'rg-members-college', title: t('大专及以上', 'College or above'), value: m.college },
            { testId: 'rg-members-joined', title: t('本年发展', 'Joined this year'), value: m.joinedThisYear },
          ]}
        />
      </Section>
      <Section title={t('党组织', 'Party organizations')} testId="rg-orgs">
        <StatGrid
          items={[
            { testId: 'rg-orgs-total', title: t('党组织总数', 'Organizations'), value: f.orgs.total },
            { testId: 'rg-orgs-committees', title: t('党委', 'Committees'), value: f.orgs.committees },
            { testId: 'rg-orgs-general', title: t('党总支', 'General branches'), value: f.orgs.generalBranches },
            { testId: 'rg-orgs-branches', title: t('党支部', 'Branches'), value: f.orgs.branches },
          ]}
        />
      </Section>
      <Section title={t('组织生活', 'Organizational life')} testId="rg-meetings">
        <StatGrid
          items={[
            { testId: 'rg-meetings-held', title: t('召开会议', 'Meetings held'), value: f.meetings.held },
            { testId: 'rg-meetings-due', title: t('应开（次）', 'Due'), value: f.meetings.due },
            { testId: 'rg-meetings-met', title: t('按期开展（次）', 'Met'), value: f.meetings.met },
            {
              testId: 'rg-meetings-rate',
              title: t('按期开展率', 'Compliance rate'),
              value: pct(f.meetings.complianceRate),
            },
          ]}
        />
        <Space wrap size={[8, 8]} style={{ marginTop: 8 }} data-testid="rg-meetings-kinds">
          {kinds.length ? (
            kinds.map((k) => (
              <Tag key={k} data-kind={k}>
                {lbl(MEETING_KIND_LABELS, k)} <b>{(f.meetings.byKind[k] ?? 0).toLocaleString('en-US')}</b>
              </Tag>
            ))
          ) : (
            <span className="dj-muted">{t('本年尚无会议记录', 'No meetings recorded this year')}</span>
          )}
        </Space>
      </Section>
      <Section title={t('为民服务', 'Serving residents')} testId="rg-residents">
        <StatGrid
          items={[
            { testId: 'rg-households', title: t('联系户数', 'Households'), value: f.residents.households },
            { testId: 'rg-requests', title: t('民情诉求', 'Requests'), value: f.residents.requests },
            { testId: 'rg-resolved', title: t('已办结', 'Resolved'), value: f.residents.requestsResolved },
            { testId: 'rg-resolved-rate', title: t('办结率', 'Resolved rate'), value: pct(f.residents.resolvedRate) },
            { testId: 'rg-wishes', title: t('微心愿', 'Wishes'), value: f.residents.wishes },
            {
              testId: 'rg-wishes-done',
              title: t('已实现心愿', 'Wishes fulfilled'),
              value: f.residents.wishesFulfilled,
            },
          ]}
        />
      </Section>
    </div>
  );
}

/** The rules page fixed on one rule set, for the paths each set had before the one page (`/meeting-rules` …). */
import RulesPage from './RulesPage';

/** 组织生活制度要求: the meetings' rule set, and below it their time limits (组织生活时限). */
export function MeetingRules() {
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <RulesPage set="meetings" />
      <RulesPage set="meeting_timing" crumb={false} />
    </div>
  );
}

/** 为民服务规则: the residents' rule set. */
export function ResidentsRules() {
  return <RulesPage set="residents" />;
}

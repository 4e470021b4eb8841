/** The rules page fixed on one rule set, for the paths each set had before the one page (`/meeting-rules` …). */
import RulesPage from './RulesPage';

/** 组织生活制度要求: the meetings' rule set. */
export function MeetingRules() {
  return <RulesPage set="meetings" />;
}

/** 为民服务规则: the residents' rule set. */
export function ResidentsRules() {
  return <RulesPage set="residents" />;
}

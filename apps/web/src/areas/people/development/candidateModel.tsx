/** Candidates on the client: the answer types (from the contracts) and the small parts the pages share. */
import { Tag } from 'antd';
import type { Static } from '@sinclair/typebox';
import {
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEP_LABELS,
  NEXT_STEP_STATES,
  type DevelopmentCandidate,
  type DevelopmentDetail,
} from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';

export type Candidate = Static<typeof DevelopmentCandidate>;
export type CandidateDetail = Static<typeof DevelopmentDetail>;

const STAGE_COLOR: Record<string, string> = {
  applicant: 'default',
  activist: 'blue',
  target: 'geekblue',
  probationary: 'orange',
  full: 'red',
  refused: 'default',
  lapsed: 'default',
};
const STATE_COLOR: Record<string, string> = { not_yet: 'default', open: 'green', due_soon: 'gold', overdue: 'red' };

/** A candidate's stage as a coloured tag. */
export function StageTag({ stage }: { stage: string }) {
  const lbl = useLabel();
  return <Tag color={STAGE_COLOR[stage]}>{lbl(DEVELOPMENT_STAGES, stage)}</Tag>;
}

/** The next step in words, with its due day and where it stands (overdue in red). */
export function NextStepCell({ next }: { next: Candidate['next'] }) {
  const t = useT();
  const lbl = useLabel();
  if (!next) return <span className="dj-muted">{t('无', 'None')}</span>;
  return (
    <span>
      {lbl(DEVELOPMENT_STEP_LABELS, next.step)}
      {next.dueOn ? <span className="dj-muted">{t(` · ${next.dueOn} 前`, ` · by ${next.dueOn}`)}</span> : null}{' '}
      <Tag color={STATE_COLOR[next.state]} data-testid="next-state">
        {lbl(NEXT_STEP_STATES, next.state)}
      </Tag>
    </span>
  );
}

/** The development pages' react-query keys refreshed after a change. */
export const DEVELOPMENT_KEYS = ['development', 'development-overdue', 'development-plan', 'development-candidate'];

/**
 * The 25 steps of a candidate as one timeline: the steps done (their dates, people, votes, materials), the steps
 * that may come next (the day each opens and is due, from the server), and the later ones with the rule that
 * opens them (the national numbers; a county's own are applied by the server).
 */
import { Tag, Timeline, Typography } from 'antd';
import {
  DEVELOPMENT_MATERIALS,
  DEVELOPMENT_RULE_DEFAULTS,
  DEVELOPMENT_STEP_KEYS,
  DEVELOPMENT_STEP_LABELS,
  DEVELOPMENT_STEPS,
  TIME_UNITS,
  type DevelopmentStepKey,
  type RuleSpan,
} from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import type { CandidateDetail } from './candidateModel';

type Rec = CandidateDetail['steps'][number];

/** The rule that opens (and closes) a step, in words: 自「谈话」起至少12个月. */
export function useTimingText() {
  const t = useT();
  const lbl = useLabel();
  const span = (s: RuleSpan) => `${DEVELOPMENT_RULE_DEFAULTS[s.rule]}${lbl(TIME_UNITS, s.unit)}`;
  return (step: DevelopmentStepKey): string =>
    DEVELOPMENT_STEPS[step].timing
      .map((r) => {
        const from =
          r.from === 'probation_end' ? t('预备期满', 'the end of probation') : lbl(DEVELOPMENT_STEP_LABELS, r.from);
        const parts = [
          r.min ? t(`满${span(r.min)}后`, `at least ${span(r.min)} after`) : '',
          r.max ? t(`${span(r.max)}内`, `within ${span(r.max)}`) : '',
        ].filter(Boolean);
        return t(`自「${from}」起${parts.join('，')}`, `${parts.join(', ')} from “${from}”`);
      })
      .join('；');
}

/** The timeline of the 25 steps. */
export function StepTimeline({ c }: { c: CandidateDetail }) {
  const t = useT();
  const lbl = useLabel();
  const timing = useTimingText();
  const done = new Map<string, Rec[]>();
  for (const s of c.steps) done.set(s.step, [...(done.get(s.step) ?? []), s]);
  const next = new Map(c.available.map((a) => [a.step, a]));
  const items = DEVELOPMENT_STEP_KEYS.map((k) => {
    const def = DEVELOPMENT_STEPS[k];
    const recs = done.get(k) ?? [];
    const avail = next.get(k);
    const title = `${def.no}. ${lbl(DEVELOPMENT_STEP_LABELS, k)}`;
    if (recs.length)
      return {
        color: 'green',
        content: (
          <div data-testid={`step-done-${k}`}>
            <strong>{title}</strong> <Tag color="green">{t('已完成', 'Done')}</Tag>
            {recs.map((r) => (
              <StepRecord key={r.id} r={r} />
            ))}
          </div>
        ),
      };
    if (avail)
      return {
        color: 'red',
        content: (
          <div data-testid={`step-next-${k}`}>
            <strong>{title}</strong> <Tag color="red">{t('下一步', 'Next')}</Tag>
            <div className="dj-muted">
              {avail.opensOn ? t(`${avail.opensOn} 起可办理`, `opens ${avail.opensOn}`) : t('现在可办理', 'open now')}
              {avail.dueOn ? t(`，${avail.dueOn} 前完成`, `, due ${avail.dueOn}`) : ''}
              {avail.closesOn ? t(`，最迟 ${avail.closesOn}`, `, ${avail.closesOn} at the latest`) : ''}
            </div>
            {def.timing.length ? <div className="dj-muted">{timing(k)}</div> : null}
          </div>
        ),
      };
    return {
      color: 'gray',
      content: (
        <div>
          <Typography.Text type="secondary">{title}</Typography.Text>
          {def.optional ? <Tag style={{ marginLeft: 6 }}>{t('可选', 'Optional')}</Tag> : null}
          {def.timing.length ? <div className="dj-muted">{timing(k)}</div> : null}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="step-timeline" />;
}

function StepRecord({ r }: { r: Rec }) {
  const t = useT();
  const lbl = useLabel();
  const needed = DEVELOPMENT_STEPS[r.step].materials;
  const missing = needed.filter((m) => !r.materials.includes(m));
  return (
    <div className="dj-muted" style={{ marginTop: 2 }}>
      {r.doneOn}
      {r.people.length ? ` · ${r.people.map((p) => p.name).join('、')}` : ''}
      {r.vote
        ? t(
            ` · 表决：应到${r.vote.entitled}，实到${r.vote.presentVoting}，赞成${r.vote.yes}${r.vote.passed ? '（通过）' : '（未通过）'}`,
            ` · vote: ${r.vote.yes} yes of ${r.vote.presentVoting} present${r.vote.passed ? ' (passed)' : ' (failed)'}`,
          )
        : ''}
      {r.trainingDays || r.trainingHours
        ? t(
            ` · 培训${r.trainingDays ?? 0}天/${r.trainingHours ?? 0}学时`,
            ` · ${r.trainingDays ?? 0} d / ${r.trainingHours ?? 0} h`,
          )
        : ''}
      {r.recordedBy ? t(` · 记录人 ${r.recordedBy}`, ` · by ${r.recordedBy}`) : ''}
      {missing.length ? (
        <div>
          <Tag color="gold">{t('材料缺失', 'Missing')}</Tag>
          {missing.map((m) => lbl(DEVELOPMENT_MATERIALS, m)).join('、')}
        </div>
      ) : null}
      {r.overrideReason ? (
        <div>
          <Tag color="orange">{t('超时限办理', 'Out of its time rule')}</Tag>
          {r.overrideReason}
        </div>
      ) : null}
      {r.note ? <div>{r.note}</div> : null}
    </div>
  );
}

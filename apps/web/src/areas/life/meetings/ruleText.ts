/** A meeting rule in words; its own small module so that the home can use it without the meetings' date pickers. */
import { CADENCES, type FrequencyRuleT } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';

/** Words for a rule, e.g. 每季度至少 1 次. */
export function useRuleText() {
  const t = useT();
  const lbl = useLabel();
  return (rule: FrequencyRuleT | null | undefined) => {
    if (!rule) return t('本年度不作要求', 'Not required this year');
    const every = lbl(CADENCES, rule.every);
    const base = rule.perMember
      ? t(`${every}每名党员至少 ${rule.min} 次`, `${every}, at least ${rule.min} per member`)
      : t(`${every}至少 ${rule.min} 次`, `${every}, at least ${rule.min}`);
    return rule.fixedDay
      ? `${base}${t(`，固定在每月 ${rule.fixedDay} 日`, `, on day ${rule.fixedDay} of the month`)}`
      : base;
  };
}

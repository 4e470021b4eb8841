/** The words of the assessment area's states on the homes, from the modules' contracts once they land. */
import { useT } from '../../../app/i18n';

const PLEDGE_WORDS: Record<string, [string, string]> = {
  draft: ['草稿', 'Draft'],
  submitted: ['待审核', 'Submitted'],
  returned: ['已退回', 'Returned'],
  approved: ['已审核', 'Approved'],
  published: ['已公开', 'Published'],
  fulfilled: ['已践诺', 'Fulfilled'],
  evaluated: ['已评诺', 'Evaluated'],
};

/** The words of a pledge's state; an unknown state reads as "进行中". */
export function usePledgeStatus(): (status: string) => string {
  const t = useT();
  return (s) => {
    const w = PLEDGE_WORDS[s];
    return w ? t(w[0], w[1]) : t('进行中', 'In progress');
  };
}

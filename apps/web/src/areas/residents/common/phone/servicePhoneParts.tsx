import { ApiError } from '../../../../api/client';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';

/** The colour class of a wish, request or errand state (no two of them name a state alike with another colour). */
export const STATE_CLASS: Record<string, string> = {
  open: 'warn',
  claimed: 'warn',
  fulfilled: 'ok',
  confirmed: 'ok',
  withdrawn: 'bad',
  closed: 'ok',
  reopened: 'bad',
  in_progress: 'warn',
  done: 'ok',
  cancelled: 'bad',
};

/** The message of an error, for a line on the page. */
export function errText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

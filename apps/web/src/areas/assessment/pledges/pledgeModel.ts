/** Pledges on the client: the answer types from the contracts, the timeline's words and the tag colours. */
import { type Labelled, PLEDGE_EVENTS, PLEDGE_FLOW } from '@dangjian/contracts';
import { api } from '../../../api/client';

export type {
  PledgeItemT as PledgeItem,
  PledgeDetailT as PledgeDetail,
  PublicPledgeT as PublicPledge,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and the entries that are not moves. */
export const PLEDGE_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(PLEDGE_FLOW.actions).map((a) => [a.event, a.label])),
  ...PLEDGE_EVENTS,
};

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  draft: 'default',
  submitted: 'orange',
  returned: 'red',
  approved: 'cyan',
  published: 'blue',
  reported: 'purple',
  fulfilled: 'green',
  evaluated: 'green',
};

/** The share satisfied (满意 and 基本满意) of a pledge's ratings, as a percentage, or null without any. */
export function satisfiedShare(r: { satisfied: number; fair: number; dissatisfied: number }): number | null {
  const n = r.satisfied + r.fair + r.dissatisfied;
  return n ? Math.round(((r.satisfied + r.fair) / n) * 100) : null;
}

/** Uploads photos of a pledge one by one (JPEG/PNG; the server strips their EXIF). */
export async function uploadPhotos(id: number, files: File[]): Promise<void> {
  for (const f of files) {
    const fd = new FormData();
    fd.append('file', f);
    await api.post(`/api/pledges/${id}/photos`, fd);
  }
}

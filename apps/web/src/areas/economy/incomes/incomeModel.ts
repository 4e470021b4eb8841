/** Collective income on the client: the answer types from the contracts, the timeline's words and tag colours. */
import { INCOME_EVENTS, INCOME_FLOW, type Labelled } from '@dangjian/contracts';
import { api } from '../../../api/client';

export type {
  IncomeItemT as IncomeItem,
  IncomeDetailT as IncomeDetail,
  IncomeClassesT as IncomeClasses,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and the entries that are not moves. */
export const INCOME_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(INCOME_FLOW.actions).map((a) => [a.event, a.label])),
  ...INCOME_EVENTS,
};

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string> = { submitted: 'orange', returned: 'red', accepted: 'green' };
/** The tag colour of a class. */
export const CLASS_COLOR: Record<string, string> = {
  revitalized: 'red',
  prosperous: 'gold',
  comfortable: 'green',
  weak: 'default',
};

/** Uploads evidence photos of an entry one by one (JPEG/PNG; the server strips their EXIF). */
export async function uploadPhotos(id: number, files: File[]): Promise<void> {
  for (const f of files) {
    const fd = new FormData();
    fd.append('file', f);
    await api.post(`/api/economy/incomes/${id}/photos`, fd);
  }
}

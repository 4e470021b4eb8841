/** Transfers on the client: the answer types from the contracts and the words of the timeline's kinds. */
import { type Labelled, TRANSFER_FLOW } from '@dangjian/contracts';

export type {
  TransferItemT as TransferItem,
  TransferDetailT as TransferDetail,
  TransferLetterT as TransferLetter,
} from '@dangjian/contracts';

/** The timeline's words: each move's event named by the move's label (登记转入介绍信, 审批并开具介绍信 …). */
export const TRANSFER_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(TRANSFER_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The path of each move on the API (`sendBack` is `send-back`). */
export const movePath = (move: string) => move.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

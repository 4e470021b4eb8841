/** Funds on the client: the answer types from the contracts. */
export type { FundItemT as FundItem, FundsSummaryT as FundsSummary } from '@dangjian/contracts';

/** Table types of the incomes module (area economy). */

/** The incomes module's tables, by name. */
export type IncomesTables = Record<never, never>;

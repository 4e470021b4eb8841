/** The checks of a transfer's dates: a letter's validity (at most three months) and the dues-paid-to month. */
import { addMonths, type ErrorCode, LETTER_MAX_MONTHS } from '@dangjian/contracts';
import { DomainError } from '../../../platform/errors.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** Refuses a dues-paid-to month after the current one (党费交至 a month already paid). */
export function checkDuesMonth(month: string, today: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month > today.slice(0, 7))
    throw fieldError('transfers.invalid_dues_month', 'duesPaidTo');
}

/** Refuses a validity before the letter's issue or beyond three months of it, or an issue in the future. */
export function checkValidity(issuedOn: string, validUntil: string, today: string): void {
  if (issuedOn > today) throw fieldError('transfers.invalid_validity', 'issuedOn');
  if (validUntil < issuedOn || validUntil > addMonths(issuedOn, LETTER_MAX_MONTHS))
    throw fieldError('transfers.invalid_validity', 'validUntil');
}

/** Refuses a return slip dated before the letter or after today. */
export function checkReceiptDate(receiptOn: string, issuedOn: string | null, today: string): void {
  if (receiptOn > today || (issuedOn && receiptOn < issuedOn))
    throw fieldError('transfers.invalid_receipt_date', 'receiptOn');
}

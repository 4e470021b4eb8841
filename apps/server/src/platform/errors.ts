/** Domain errors with stable codes; the HTTP layer turns them into `{ error: { code, message, details } }`. */
import type { ErrorCode } from '@dangjian/contracts';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  'workflow.move_refused': 409,
  'workflow.not_allowed_actor': 403,
  rate_limited: 429,
  'auth.required': 401,
  'auth.session_expired': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.csrf': 403,
  'auth.wrong_password': 400,
  'users.username_taken': 409,
  'users.grant_required': 403,
  'users.protected_account': 403,
  'users.grant_own': 403,
  'users.grant_decided': 409,
  'users.grant_pending': 409,
  'auth.password_change_required': 403,
  'orgs.not_empty': 409,
  'orgs.root_locked': 403,
  'members.id_number_taken': 409,
  'members.not_deleted': 409,
  'members.import_rejected': 422,
  'members.reveal_denied': 403,
  'files.too_large': 413,
  'import.too_large': 413,
  'import.busy': 429,
  'meetings.checkin_not_expected': 403,
  'rules.unknown_set': 404,
};

/** An expected failure of a rule, with the code the client translates. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    status?: number,
  ) {
    super(code);
    this.status = status ?? STATUS_BY_CODE[code] ?? 400;
  }
}

/** The error for a row that does not exist or lies outside the caller's scope (never say which). */
export function notFound(): DomainError {
  return new DomainError('not_found');
}

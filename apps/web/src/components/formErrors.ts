/** Maps an API error code onto the form field it concerns, so it shows inline. */
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

const FIELD_OF_CODE: Record<string, string> = {
  'members.invalid_id_number': 'idNumber',
  'members.id_number_taken': 'idNumber',
  'members.gender_mismatch': 'gender',
  'members.birth_date_mismatch': 'birthDate',
  'members.invalid_phone': 'phone',
  'members.invalid_dates': 'joinedAt',
  'members.org_not_branch': 'orgId',
  'orgs.invalid_type': 'type',
  'orgs.invalid_term': 'termEnd',
  'orgs.secretary_not_member': 'secretaryMemberId',
  'users.username_taken': 'username',
  'users.invalid_role_org': 'orgId',
  'users.member_required': 'memberId',
  'auth.weak_password': 'password',
  'meetings.kind_not_applicable': 'kind',
  'meetings.in_future': 'heldOn',
};

/** The field an error code concerns: the form's own map first, then the shared one. */
export function fieldOfCode(code: string, extra?: Record<string, string>): string | undefined {
  return extra?.[code] ?? FIELD_OF_CODE[code];
}

/**
 * Puts the error on its field when it has one (by code, or by the `field`/`path` of its details when the form has
 * that field); answers whether it did. `extra` maps a form's own error codes to its fields.
 */
export function showFieldError(form: FormInstance, error: unknown, extra?: Record<string, string>): boolean {
  if (!(error instanceof ApiError)) return false;
  let field = fieldOfCode(error.code, extra);
  const details = error.details as { field?: string; path?: string } | undefined;
  if (!field && details && typeof details === 'object') {
    const f = details.field ?? details.path?.replace(/^\//, '').split('/')[0];
    if (f && form.getFieldInstance(f) !== undefined) field = f;
  }
  if (!field) return false;
  form.setFields([{ name: field, errors: [error.message] }]);
  form.scrollToField(field);
  return true;
}

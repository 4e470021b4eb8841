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

/** Puts the error on its field when it has one; answers whether it did. */
export function showFieldError(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  let field = FIELD_OF_CODE[error.code];
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

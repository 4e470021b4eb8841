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

/** A field of a validation refusal: its path in the body (a form's name path) and its message in words. */
interface FieldProblem {
  path?: (string | number)[];
  message?: string;
}

/**
 * Puts a validation refusal's messages on their fields (`details.fields`, each by its path); answers whether every
 * one found its field (else the whole message shows above the form too).
 */
function showValidation(form: FormInstance, error: ApiError): boolean {
  const problems = (error.details as { fields?: FieldProblem[] } | undefined)?.fields;
  if (!Array.isArray(problems) || !problems.length) return false;
  const placed = problems.filter((p) => p.path?.length && p.message && form.getFieldInstance(p.path) !== undefined);
  if (!placed.length) return false;
  form.setFields(placed.map((p) => ({ name: p.path as (string | number)[], errors: [p.message as string] })));
  form.scrollToField(placed[0]!.path as (string | number)[]);
  return placed.length === problems.length;
}

/**
 * Puts the error on its field when it has one (a validation refusal's fields by their paths; by code, or by the
 * `field`/`path` of its details when the form has that field); answers whether it did. `extra` maps a form's own
 * error codes to its fields.
 */
export function showFieldError(form: FormInstance, error: unknown, extra?: Record<string, string>): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'validation' && (error.details as { fields?: unknown } | undefined)?.fields)
    return showValidation(form, error);
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

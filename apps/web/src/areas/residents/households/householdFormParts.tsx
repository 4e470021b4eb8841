import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import { showFieldError } from '../../../components/formErrors';

/** A resident row of the form. */
export interface ResidentRow {
  id?: number;
  name: string;
  relation: string;
  idNumber?: string;
  phone?: string;
  /** The masked numbers on file (editing): an empty field keeps them. */
  maskedId?: string | null;
  maskedPhone?: string | null;
}

/** The values of the household form. */
export interface Values {
  orgId: number;
  address: string;
  headName: string;
  phone?: string;
  tags: string[];
  note?: string;
  residents: ResidentRow[];
}

/** The form field a residents error code points at. */
export const FIELD_OF_CODE: Record<string, string> = {
  'residents.org_not_village': 'orgId',
  'residents.invalid_phone': 'phone',
  'residents.invalid_contact_phone': 'phone',
  'residents.invalid_id_number': 'idNumber',
  'residents.id_number_taken': 'idNumber',
};

/**
 * Puts a server error on the field it concerns. The server names the field but not the resident's row:
 * `rowOf(field)` answers the row that can be meant (-1 when it cannot be told, then the error shows on top).
 */
export function showResidentsError(form: FormInstance, e: unknown, rowOf: (field: string) => number): boolean {
  if (!(e instanceof ApiError)) return false;
  // A validation refusal carries each field's own path (a resident's row included).
  if (e.code === 'validation') return showFieldError(form, e);
  const d = (e.details ?? {}) as { fields?: { field: string }[]; field?: string };
  const field = d.fields?.[0]?.field ?? d.field ?? FIELD_OF_CODE[e.code];
  if (!field) return showFieldError(form, e);
  // The household's contact is the one number that may be a landline: its refusal has its own code.
  if (field === 'orgId' || (field === 'phone' && e.code === 'residents.invalid_contact_phone')) {
    form.setFields([{ name: field, errors: [e.message] }]);
    form.scrollToField(field);
    return true;
  }
  if (field === 'idNumber' || field === 'phone') {
    const i = rowOf(field);
    if (i < 0) return false;
    form.setFields([{ name: ['residents', i, field], errors: [e.message] }]);
    form.scrollToField(['residents', i, field]);
    return true;
  }
  return showFieldError(form, e);
}

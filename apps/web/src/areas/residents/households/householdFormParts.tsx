import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { showFieldError } from '../../../components/formErrors';
import { parseIdNumber } from '../../core/members/idNumber';

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
  'residents.invalid_id_number': 'idNumber',
  'residents.id_number_taken': 'idNumber',
};

/**
 * Puts a server error on the field it concerns. The server names the field but not the resident's row:
 * `rowOf(field)` answers the row that can be meant (-1 when it cannot be told, then the error shows on top).
 */
export function showResidentsError(form: FormInstance, e: unknown, rowOf: (field: string) => number): boolean {
  if (!(e instanceof ApiError)) return false;
  const d = (e.details ?? {}) as { fields?: { field: string }[]; field?: string };
  const field = d.fields?.[0]?.field ?? d.field ?? FIELD_OF_CODE[e.code];
  if (!field) return showFieldError(form, e);
  if (field === 'orgId' || (field === 'phone' && form.getFieldValue('phone'))) {
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

/** The rule of an ID number field: says what is wrong (length, region, birth date, check digit). */
export function useIdNumberRule() {
  const t = useT();
  return {
    validator: (_: unknown, raw: string | undefined) => {
      const v = (raw ?? '').trim();
      if (!v) return Promise.resolve();
      const info = parseIdNumber(v);
      if (info.ok) return Promise.resolve();
      if (info.problem === 'check')
        return Promise.reject(
          new Error(
            t(
              `校验位错误：最后一位应为 ${info.expectedCheck}`,
              `Wrong check digit: should end with ${info.expectedCheck}`,
            ),
          ),
        );
      if (info.problem === 'format' && /^\d{0,17}$/.test(v))
        return Promise.reject(new Error(t(`应为18位，已输入 ${v.length} 位`, `18 characters; ${v.length} so far`)));
      if (info.problem === 'region') return Promise.reject(new Error(t('地区码无效', 'Invalid region code')));
      if (info.problem === 'birth') return Promise.reject(new Error(t('出生日期无效', 'Invalid birth date')));
      return Promise.reject(
        new Error(t('身份证号码应为18位数字（最后一位可以是X）', 'An ID number has 18 digits (the last may be X)')),
      );
    },
  };
}

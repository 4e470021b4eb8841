/** Field rules shared by the forms: the ID number (GB 11643, the contracts' check) and the phone numbers. */
import { checkIdNumber, contactPhone } from '@dangjian/contracts';
import { useT } from '../../app/i18n';

/**
 * The rule of an ID number field: says what is wrong (length, region, birth date, check digit). `long` words the
 * messages for a field on its own (the member form); the short words fit a table cell (the residents' rows).
 */
export function useIdNumberRule(long = false) {
  const t = useT();
  const reject = (zh: string, en: string) => Promise.reject(new Error(t(zh, en)));
  return {
    validator: (_: unknown, raw: string | undefined) => {
      const v = (raw ?? '').trim();
      if (!v) return Promise.resolve();
      const info = checkIdNumber(v);
      if (info.ok) return Promise.resolve();
      const digit = info.expectedCheck;
      if (info.problem === 'check')
        return long
          ? reject(`校验位错误：最后一位应为 ${digit}`, `Wrong check digit: the last character should be ${digit}`)
          : reject(`校验位错误：最后一位应为 ${digit}`, `Wrong check digit: should end with ${digit}`);
      if (info.problem === 'format' && /^\d{0,17}$/.test(v))
        return long
          ? reject(`身份证号码应为18位，已输入 ${v.length} 位`, `An ID number has 18 characters; ${v.length} so far`)
          : reject(`应为18位，已输入 ${v.length} 位`, `18 characters; ${v.length} so far`);
      if (info.problem === 'region') return reject('地区码无效', 'Invalid region code');
      if (info.problem === 'birth')
        return long
          ? reject('身份证号码中的出生日期无效', 'The birth date in the ID number is invalid')
          : reject('出生日期无效', 'Invalid birth date');
      return reject('身份证号码应为18位数字（最后一位可以是X）', 'An ID number has 18 digits (the last may be X)');
    },
  };
}

/**
 * The rule of an optional mobile number field (11 digits starting 13–19, written with spaces, dashes or +86 as
 * the server accepts it); `message` says it is wrong.
 */
export function mobileRule(message: string) {
  return phoneRule(message, false);
}

/**
 * The rule of an optional phone field, the server's own (the contracts' `contactPhone`): a mobile, or with
 * `landline` (a household's or a request's contact) a landline such as 0571-88889999 too; `message` says it is wrong.
 */
export function phoneRule(message: string, landline: boolean) {
  return {
    validator: (_: unknown, v: string | undefined) =>
      !v?.trim() || contactPhone(v, landline) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}

/** The rule of a field that, when both are given, must come after `other` (a later date or time); else `message`. */
export function laterThan(other: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, v?: string | null) => {
      const o = getFieldValue(other) as string | undefined;
      return !v || !o || v > o ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });
}

/** Password policy (等保 level 3): length, character classes and a list of passwords too common to allow. */

/** Character classes a password must mix, and how many of them. */
export const PASSWORD_POLICY = {
  minClasses: 3,
  classes: [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/],
};

/** Passwords seen most in leaks, lower-cased; a password equal to one of them (ignoring case) is refused. */
export const COMMON_PASSWORDS = new Set(
  [
    'password',
    'password1',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword',
    'p@ssword1',
    'p@ssw0rd1',
    'admin123',
    'admin@123',
    'admin@2024',
    'admin@2025',
    'admin@2026',
    'administrator',
    'qwerty123',
    'qwer1234',
    'qwe123!@#',
    'qwer!@#$',
    '1qaz2wsx',
    '1qaz@wsx',
    '1qaz!qaz',
    'abc12345',
    'abc@1234',
    'abcd1234',
    'abcd@1234',
    'aa123456',
    'a1234567',
    'a123456!',
    'a12345678',
    'welcome1',
    'welcome@1',
    'welcome123',
    'iloveyou1',
    'letmein1',
    'changeme1',
    'test@123',
    'test1234',
    'root@123',
    'root1234',
    'huawei@123',
    'woaini1314',
    'woaini@1314',
    'zhang123',
    'zxcvbnm1',
    'asdf1234',
    'asd123456',
    '123qwe!@#',
    '123456aa',
    '123456abc',
    '12345678a',
    'p@55w0rd',
    'pa$$w0rd',
    'pass@123',
    'pass@word1',
    'dangjian123',
    'dangjian@123',
    'dangjian@2025',
    'dangjian@2024',
    'dangjian2026',
    'sysadmin1',
  ].map((p) => p.toLowerCase()),
);

/** Whether a password meets the policy (the demo password `Dangjian@2026` does). */
export function passwordAcceptable(password: string, minLength: number): boolean {
  if (password.length < minLength) return false;
  const classes = PASSWORD_POLICY.classes.filter((re) => re.test(password)).length;
  if (classes < PASSWORD_POLICY.minClasses) return false;
  return !COMMON_PASSWORDS.has(password.toLowerCase());
}

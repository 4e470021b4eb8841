/** The GB 11643 ID number check of the web forms: the contracts' one (the server runs the same code). */
export {
  checkIdNumber as parseIdNumber,
  idCheckDigit as checkDigit,
  MOBILE_PATTERN as PHONE_PATTERN,
  type IdCheck as IdInfo,
  type IdProblem,
} from '@dangjian/contracts';

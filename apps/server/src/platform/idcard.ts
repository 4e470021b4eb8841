/** Resident ID numbers and mobile numbers: the one copy lives in the contracts, shared with the web app. */
export {
  type IdInfo,
  checkIdNumber,
  idCheckDigit,
  isValidMobile,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from '@dangjian/contracts';

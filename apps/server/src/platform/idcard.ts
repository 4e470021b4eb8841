/** Resident ID numbers and mobile numbers: the one copy lives in the contracts, shared with the web app. */
export {
  type IdInfo,
  checkIdNumber,
  contactPhone,
  idCheckDigit,
  isValidMobile,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizeLandline,
  normalizePhone,
  parseIdNumber,
} from '@dangjian/contracts';

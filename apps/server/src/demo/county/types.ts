/** The demo county's shapes: organizations, members, the county, and the generator's tree nodes. */
import type {
  Education,
  Ethnicity,
  Gender,
  MemberCategory,
  MemberStatus,
  OrgField,
  OrgType,
} from '@dangjian/contracts';

export interface DemoOrg {
  key: string;
  parentKey: string | null;
  name: string;
  type: OrgType;
  field: OrgField | null;
  unit:
    | 'county'
    | 'township'
    | 'village'
    | 'community'
    | 'organ'
    | 'institution'
    | 'school'
    | 'enterprise'
    | 'industry_chain'
    | 'social_org'
    | 'group';
  termStart: string | null;
  termEnd: string | null;
}

export interface DemoMember {
  key: string;
  orgKey: string;
  name: string;
  gender: Gender;
  idNumber: string;
  phone: string;
  birthDate: string;
  ethnicity: Ethnicity;
  education: Education;
  category: MemberCategory;
  joinedAt: string;
  fullMemberAt: string | null;
  status: MemberStatus;
}

export interface DemoCounty {
  name: string;
  regionCode: string;
  orgs: DemoOrg[];
  members: DemoMember[];
}

export type Unit = DemoOrg['unit'];

/** Who the members of an org are; drives age, sex, education and category. */
export type Profile =
  | 'rural'
  | 'community'
  | 'organ'
  | 'institution'
  | 'school'
  | 'state'
  | 'private'
  | 'social'
  | 'industry'
  | 'township_staff';

export interface Node {
  org: DemoOrg;
  children: Node[];
  profile: Profile | null;
  /** Wanted member count before scaling to the county total. */
  size: number;
  /** A minority village: about half its members belong to this group. */
  minority: Ethnicity | null;
  /** Dominant surnames of a clan village. */
  clans: string[];
}

/** How much bigger than the county demo a generated county is: villages and communities, organizations, members. */
export interface CountySize {
  places: number;
  orgs: number;
  members: number;
}
/** The county demo's own size (~800 organizations, ~20,000 members). */
export const COUNTY_SIZE: CountySize = { places: 1, orgs: 1, members: 1 };
/** A county of the province demo: ~2,000 organizations and ~40,000 members. */
export const PROVINCE_COUNTY_SIZE: CountySize = { places: 2, orgs: 2.5, members: 2 };

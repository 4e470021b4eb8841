/**
 * A deterministic, fictitious demo county at the scale the seeds report (about 800
 * organizations and 20,000 members, 16 townships, about 290 villages), so that lists,
 * statistics and the load tests run against realistic shapes rather than a handful of rows.
 */
import type {
  Education,
  Ethnicity,
  Gender,
  MemberCategory,
  MemberStatus,
  OrgField,
  OrgType,
} from '@dangjian/contracts';
import { makeIdNumber } from '../platform/idcard.js';
import { communityStem, countyNames, personName, placeStem, randomSurname } from './names.js';
import { Random, addYears, fromDay, mixSeed, toDay } from './random.js';

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

type Unit = DemoOrg['unit'];

/** Who the members of an org are; drives age, sex, education and category. */
type Profile =
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

interface Node {
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

type Table<T> = ReadonlyArray<readonly [T, number]>;
/** [min age, max age, weight] */
type Bands = ReadonlyArray<readonly [number, number, number]>;

const AGE_BANDS: Record<Profile, Bands> = {
  rural: [
    [18, 29, 6],
    [30, 39, 9],
    [40, 49, 14],
    [50, 59, 22],
    [60, 69, 24],
    [70, 79, 17],
    [80, 95, 8],
  ],
  community: [
    [18, 29, 9],
    [30, 39, 14],
    [40, 49, 15],
    [50, 59, 17],
    [60, 69, 20],
    [70, 79, 16],
    [80, 95, 9],
  ],
  organ: [
    [22, 29, 16],
    [30, 39, 30],
    [40, 49, 28],
    [50, 59, 26],
  ],
  institution: [
    [22, 29, 14],
    [30, 39, 27],
    [40, 49, 27],
    [50, 59, 24],
    [60, 85, 8],
  ],
  school: [
    [22, 29, 16],
    [30, 39, 28],
    [40, 49, 27],
    [50, 59, 22],
    [60, 85, 7],
  ],
  state: [
    [22, 29, 15],
    [30, 39, 30],
    [40, 49, 30],
    [50, 59, 25],
  ],
  private: [
    [20, 29, 22],
    [30, 39, 36],
    [40, 49, 28],
    [50, 62, 14],
  ],
  social: [
    [25, 39, 25],
    [40, 59, 40],
    [60, 80, 35],
  ],
  industry: [
    [22, 29, 10],
    [30, 39, 25],
    [40, 49, 32],
    [50, 59, 25],
    [60, 70, 8],
  ],
  township_staff: [
    [23, 29, 25],
    [30, 39, 35],
    [40, 49, 25],
    [50, 58, 15],
  ],
};

/** Share of women by profile and age group [under 40, 40–59, 60+]: recruitment of women rose over the decades. */
const WOMEN_SHARE: Record<Profile, readonly [number, number, number]> = {
  rural: [0.38, 0.27, 0.18],
  community: [0.48, 0.42, 0.38],
  organ: [0.38, 0.3, 0.25],
  institution: [0.5, 0.42, 0.35],
  school: [0.6, 0.5, 0.4],
  state: [0.32, 0.26, 0.2],
  private: [0.34, 0.28, 0.2],
  social: [0.42, 0.35, 0.3],
  industry: [0.26, 0.2, 0.15],
  township_staff: [0.4, 0.3, 0.3],
};

/** Education by profile and age group [under 40, 40–59, 60+]. */
const EDUCATION: Record<Profile, readonly [Table<Education>, Table<Education>, Table<Education>]> = {
  rural: [
    [
      ['primary', 2],
      ['junior', 22],
      ['senior', 30],
      ['college', 26],
      ['bachelor', 19],
      ['postgraduate', 1],
    ],
    [
      ['primary', 16],
      ['junior', 50],
      ['senior', 25],
      ['college', 7],
      ['bachelor', 2],
    ],
    [
      ['primary', 50],
      ['junior', 36],
      ['senior', 12],
      ['college', 2],
    ],
  ],
  community: [
    [
      ['junior', 6],
      ['senior', 18],
      ['college', 34],
      ['bachelor', 38],
      ['postgraduate', 4],
    ],
    [
      ['primary', 5],
      ['junior', 25],
      ['senior', 35],
      ['college', 22],
      ['bachelor', 13],
    ],
    [
      ['primary', 25],
      ['junior', 35],
      ['senior', 28],
      ['college', 8],
      ['bachelor', 4],
    ],
  ],
  organ: [
    [
      ['college', 8],
      ['bachelor', 78],
      ['postgraduate', 14],
    ],
    [
      ['senior', 4],
      ['college', 22],
      ['bachelor', 68],
      ['postgraduate', 6],
    ],
    [
      ['senior', 10],
      ['college', 35],
      ['bachelor', 55],
    ],
  ],
  institution: [
    [
      ['college', 18],
      ['bachelor', 70],
      ['postgraduate', 12],
    ],
    [
      ['senior', 8],
      ['college', 30],
      ['bachelor', 57],
      ['postgraduate', 5],
    ],
    [
      ['senior', 25],
      ['college', 40],
      ['bachelor', 35],
    ],
  ],
  school: [
    [
      ['college', 12],
      ['bachelor', 80],
      ['postgraduate', 8],
    ],
    [
      ['senior', 10],
      ['college', 35],
      ['bachelor', 53],
      ['postgraduate', 2],
    ],
    [
      ['senior', 35],
      ['college', 40],
      ['bachelor', 25],
    ],
  ],
  state: [
    [
      ['senior', 8],
      ['college', 30],
      ['bachelor', 55],
      ['postgraduate', 7],
    ],
    [
      ['junior', 5],
      ['senior', 25],
      ['college', 35],
      ['bachelor', 35],
    ],
    [
      ['junior', 15],
      ['senior', 40],
      ['college', 30],
      ['bachelor', 15],
    ],
  ],
  private: [
    [
      ['junior', 8],
      ['senior', 27],
      ['college', 35],
      ['bachelor', 28],
      ['postgraduate', 2],
    ],
    [
      ['junior', 25],
      ['senior', 40],
      ['college', 23],
      ['bachelor', 12],
    ],
    [
      ['primary', 10],
      ['junior', 40],
      ['senior', 35],
      ['college', 15],
    ],
  ],
  social: [
    [
      ['senior', 15],
      ['college', 35],
      ['bachelor', 45],
      ['postgraduate', 5],
    ],
    [
      ['junior', 15],
      ['senior', 35],
      ['college', 30],
      ['bachelor', 20],
    ],
    [
      ['primary', 10],
      ['junior', 30],
      ['senior', 35],
      ['college', 20],
      ['bachelor', 5],
    ],
  ],
  industry: [
    [
      ['junior', 12],
      ['senior', 30],
      ['college', 33],
      ['bachelor', 24],
      ['postgraduate', 1],
    ],
    [
      ['primary', 5],
      ['junior', 40],
      ['senior', 35],
      ['college', 15],
      ['bachelor', 5],
    ],
    [
      ['primary', 25],
      ['junior', 45],
      ['senior', 25],
      ['college', 5],
    ],
  ],
  township_staff: [
    [
      ['college', 15],
      ['bachelor', 78],
      ['postgraduate', 7],
    ],
    [
      ['college', 25],
      ['bachelor', 72],
      ['postgraduate', 3],
    ],
    [
      ['college', 40],
      ['bachelor', 60],
    ],
  ],
};

/** Occupation by profile and age group [under 23, 23–59, 60+]: students are young, retirees old. */
const CATEGORY: Record<Profile, readonly [Table<MemberCategory>, Table<MemberCategory>, Table<MemberCategory>]> = {
  rural: [
    [
      ['student', 25],
      ['farmer', 45],
      ['worker', 15],
      ['other', 15],
    ],
    [
      ['farmer', 80],
      ['worker', 9],
      ['other', 9],
      ['enterprise_staff', 2],
    ],
    [
      ['farmer', 88],
      ['retired', 9],
      ['other', 3],
    ],
  ],
  community: [
    [
      ['student', 40],
      ['other', 30],
      ['worker', 30],
    ],
    [
      ['worker', 20],
      ['enterprise_staff', 28],
      ['other', 32],
      ['institution_staff', 8],
      ['civil_servant', 6],
      ['retired', 6],
    ],
    [
      ['retired', 85],
      ['other', 15],
    ],
  ],
  organ: [
    [
      ['civil_servant', 88],
      ['institution_staff', 12],
    ],
    [
      ['civil_servant', 88],
      ['institution_staff', 12],
    ],
    [['retired', 1]],
  ],
  institution: [
    [
      ['institution_staff', 95],
      ['other', 5],
    ],
    [
      ['institution_staff', 95],
      ['other', 5],
    ],
    [['retired', 1]],
  ],
  school: [[['institution_staff', 1]], [['institution_staff', 1]], [['retired', 1]]],
  state: [
    [
      ['enterprise_staff', 60],
      ['worker', 40],
    ],
    [
      ['enterprise_staff', 60],
      ['worker', 40],
    ],
    [['retired', 1]],
  ],
  private: [
    [
      ['enterprise_staff', 50],
      ['worker', 45],
      ['other', 5],
    ],
    [
      ['enterprise_staff', 50],
      ['worker', 45],
      ['other', 5],
    ],
    [
      ['retired', 50],
      ['enterprise_staff', 30],
      ['worker', 20],
    ],
  ],
  social: [
    [
      ['other', 55],
      ['enterprise_staff', 30],
      ['worker', 15],
    ],
    [
      ['other', 55],
      ['enterprise_staff', 30],
      ['worker', 15],
    ],
    [
      ['retired', 70],
      ['other', 30],
    ],
  ],
  industry: [
    [
      ['farmer', 45],
      ['enterprise_staff', 30],
      ['worker', 15],
      ['other', 10],
    ],
    [
      ['farmer', 45],
      ['enterprise_staff', 30],
      ['worker', 15],
      ['other', 10],
    ],
    [
      ['farmer', 80],
      ['retired', 20],
    ],
  ],
  township_staff: [[['civil_servant', 1]], [['civil_servant', 1]], [['civil_servant', 1]]],
};

/** Age at joining: cadres and teachers mostly join at university or soon after; villagers later. */
const JOIN_AGE: Record<'rural' | 'cadre' | 'other', Bands> = {
  rural: [
    [18, 22, 12],
    [23, 27, 22],
    [28, 35, 30],
    [36, 45, 24],
    [46, 60, 12],
  ],
  cadre: [
    [18, 22, 25],
    [23, 27, 40],
    [28, 35, 28],
    [36, 45, 7],
  ],
  other: [
    [18, 22, 15],
    [23, 27, 30],
    [28, 35, 32],
    [36, 45, 18],
    [46, 55, 5],
  ],
};

/** Chance of being probationary by age [under 30, 30–44, 45–59, 60+]: new members are mostly young. */
const PROBATIONARY_CHANCE = [0.16, 0.05, 0.01, 0.001] as const;

const MINORITIES: readonly Ethnicity[] = ['tujia', 'miao', 'bai', 'dong', 'yao'];

const ORGANS = [
  '委办公室',
  '人大常委会机关',
  '政府办公室',
  '政协机关',
  '纪委监委机关',
  '委组织部',
  '委宣传部',
  '委统战部',
  '委政法委',
  '发展和改革局',
  '财政局',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '林业局',
  '商务局',
  '文化旅游广电体育局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '乡村振兴局',
  '信访局',
  '城市管理和综合执法局',
  '人民法院',
  '人民检察院',
  '总工会',
  '妇联',
  '科技和工业信息化局',
  '委机构编制委员会办公室',
  '团委',
  '生态环境分局',
  '税务局',
  '委党史研究室',
];
const CORE_ORGANS = 12; // the first ones exist in every county

const INSTITUTIONS: ReadonlyArray<readonly [string, number, number]> = [
  ['人民医院', 40, 80],
  ['中医医院', 20, 45],
  ['妇幼保健计划生育服务中心', 10, 25],
  ['疾病预防控制中心', 10, 25],
  ['融媒体中心', 10, 25],
  ['农业技术推广中心', 10, 30],
  ['林业技术推广站', 6, 18],
  ['畜牧水产事务中心', 6, 18],
  ['水利水电工程管理站', 6, 18],
  ['不动产登记中心', 6, 15],
  ['公共资源交易中心', 5, 12],
  ['政务服务中心', 8, 20],
  ['图书馆', 4, 10],
  ['文化馆', 4, 12],
  ['档案馆', 4, 10],
  ['社会福利院', 4, 10],
  ['公路建设养护中心', 10, 30],
  ['城乡规划设计院', 5, 15],
  ['住房公积金管理部', 4, 10],
  ['委党校', 8, 20],
];

const COUNTY_SCHOOLS: ReadonlyArray<readonly [string, number, number]> = [
  ['第一中学', 35, 70],
  ['第二中学', 25, 55],
  ['民族中学', 20, 45],
  ['职业中等专业学校', 20, 40],
  ['实验中学', 20, 45],
  ['实验小学', 15, 35],
  ['城关第一小学', 10, 30],
  ['城关第二小学', 10, 25],
  ['幼儿园', 5, 15],
  ['特殊教育学校', 4, 10],
];

const STATE_ENTERPRISES = [
  '城市建设投资集团有限公司',
  '交通建设投资有限公司',
  '农业发展投资有限公司',
  '文化旅游投资开发有限公司',
  '自来水有限责任公司',
  '国有资产经营有限公司',
  '供电公司',
  '农村商业银行',
  '烟草专卖局（分公司）',
  '邮政分公司',
  '粮食储备库',
  '公共交通有限公司',
];

const BRAND_CHARS = '瑞鑫恒华宏绿金天佳隆兴泰盛源丰达远禾成康';
const INDUSTRIES = [
  '茶业',
  '农业开发',
  '建筑工程',
  '食品',
  '电子科技',
  '中药材开发',
  '物流',
  '旅游开发',
  '生态农业',
  '新能源',
  '竹木制品',
  '服饰',
  '酒业',
  '养殖',
  '商贸',
  '矿业',
];
const JOINT_ZONES = ['工业园区', '城东商圈', '城西商圈', '电商产业园', '农产品加工园', '物流园', '个体工商户'];
const SOCIAL_ORGS = [
  '个体劳动者协会',
  '律师协会',
  '慈善总会',
  '志愿者协会',
  '老年体育协会',
  '茶叶协会',
  '物流协会',
  '社会工作者协会',
  '民办教育协会',
  '餐饮行业协会',
  '道路运输协会',
  '建筑业协会',
];
const CHAIN_PRODUCTS = [
  '茶叶',
  '柑橘',
  '猕猴桃',
  '中药材',
  '生猪',
  '肉牛',
  '山羊',
  '蜂蜜',
  '油茶',
  '烟叶',
  '高山蔬菜',
  '食用菌',
  '魔芋',
  '楠竹',
  '乡村旅游',
  '农村电商',
  '辣椒',
  '黄桃',
  '杨梅',
  '百合',
  '稻渔',
  '红薯',
  '花卉苗木',
  '冷水鱼',
  '乡村民宿',
  '竹木加工',
  '核桃',
  '青钱柳',
];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Phone prefixes of the three carriers' common 13x/15x/18x blocks. */
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];

/** County codes per fictitious prefecture: 21..99 are the county range of the code scheme. */
const COUNTIES_PER_PREFECTURE = 79;

/** A 6-digit code with Hunan's real province prefix 43 and a prefecture number (90+) that no real prefecture uses. */
function regionCodeFor(index: number): string {
  const prefecture = 90 + Math.floor(index / COUNTIES_PER_PREFECTURE);
  const county = 21 + (index % COUNTIES_PER_PREFECTURE);
  return `43${prefecture}${county}`;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), so sums are exact. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

function pickBand(rng: Random, bands: Bands): readonly [number, number, number] {
  let total = 0;
  for (const b of bands) total += b[2];
  let r = rng.next() * total;
  for (const b of bands) {
    r -= b[2];
    if (r < 0) return b;
  }
  return bands[bands.length - 1]!;
}

/**
 * Generates one fictitious county deterministically from a seed; `index` distinguishes the counties of a prefecture.
 */
export function generateCounty(opts: { seed: number; index?: number; today?: string }): DemoCounty {
  const seed = Math.trunc(opts.seed);
  const index = opts.index ?? 0;
  const today = opts.today ?? '2026-11-22';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || fromDay(toDay(today)) !== today) {
    throw new RangeError(`today must be a real YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  }
  // County names are shuffled by the seed alone, so every index of one prefecture gets a distinct name.
  const names = countyNames(new Random(mixSeed(seed, 0x636f756e)));
  if (!Number.isInteger(index) || index < 0 || index >= names.length) {
    throw new RangeError(`index must be an integer in 0..${names.length - 1}, got ${index}`);
  }
  const countyName = names[index]!;
  const regionCode = regionCodeFor(index);
  const root = new Random(mixSeed(seed, index, 0x5eed));
  const orgRng = root.fork(1);
  const termRng = root.fork(2);
  const memberRng = root.fork(3);

  const tree = buildTree(orgRng, countyName);
  const { orgs, holders } = emit(tree, termRng, today);
  const members = generateMembers(memberRng, holders, { seed, index, today, regionCode });
  return { name: countyName, regionCode, orgs, members };
}

interface Built {
  root: Node;
  nodes: Node[];
}

function buildTree(rng: Random, county: string): Built {
  const nodes: Node[] = [];
  const byKey = new Map<string, Node>();
  const add = (
    key: string,
    parent: Node | null,
    name: string,
    type: OrgType,
    field: OrgField | null,
    unit: Unit,
    profile: Profile | null = null,
    size = 0,
  ): Node => {
    if (byKey.has(key)) throw new Error(`duplicate org key ${key}`);
    const node: Node = {
      org: { key, parentKey: parent?.org.key ?? null, name, type, field, unit, termStart: null, termEnd: null },
      children: [],
      profile,
      size,
      minority: null,
      clans: [],
    };
    parent?.children.push(node);
    nodes.push(node);
    byKey.set(key, node);
    return node;
  };
  const skewed = (min: number, max: number, power: number) =>
    min + Math.round((max - min) * Math.pow(rng.next(), power));

  const root = add('c', null, `${county}委`, 'committee', null, 'county');

  // The county's main minorities: a few villages are largely of one of them.
  const [mainMinority, secondMinority] = rng.sample(MINORITIES, 2) as [Ethnicity, Ethnicity];

  // Townships: the first 2–3 make up the county seat (城关) and hold most communities.
  const usedPlaces = new Set<string>(['城关']);
  const townships: { node: Node; name: string; seat: boolean; town: boolean; villages: number; communities: number }[] =
    [];
  const seatCount = rng.int(2, 3);
  for (let i = 0; i < 16; i++) {
    const seat = i < seatCount;
    const town = seat || rng.chance(0.55);
    const stem = i === 0 ? '城关' : placeStem(rng, usedPlaces);
    const name = `${stem}${town ? '镇' : '乡'}`;
    const key = `t${String(i + 1).padStart(2, '0')}`;
    const node = add(key, root, `${name}党委`, 'committee', 'rural', 'township');
    townships.push({ node, name, seat, town, villages: 0, communities: 0 });
  }

  const villageTotal = rng.int(284, 296);
  const villageCounts = apportion(
    villageTotal,
    townships.map((t) => (t.seat ? 0.45 + rng.next() * 0.2 : 0.75 + rng.next() * 0.6)),
  );
  townships.forEach((t, i) => (t.villages = villageCounts[i]!));

  const communityTotal = rng.int(36, 44);
  const seatCommunities = Math.round(communityTotal * 0.85);
  const seatWeights = [0.5, 0.3, 0.2].slice(0, seatCount);
  apportion(seatCommunities, seatWeights).forEach((n, i) => (townships[i]!.communities = n));
  const otherTowns = rng.shuffle(townships.filter((t) => !t.seat && t.town));
  const candidates = otherTowns.length > 0 ? otherTowns : townships.slice(seatCount);
  for (let k = 0; k < communityTotal - seatCommunities; k++) candidates[k % candidates.length]!.communities += 1;

  // About 10% of villages are large enough for a general branch (党总支) over 2–3 branches.
  const villageSlots: [number, number][] = [];
  townships.forEach((t, ti) => {
    for (let v = 0; v < t.villages; v++) villageSlots.push([ti, v]);
  });
  const largeCount = Math.round(villageTotal * (0.09 + rng.next() * 0.02));
  const large = new Set(rng.sample(villageSlots, largeCount).map(([ti, v]) => `${ti}:${v}`));

  const plainVillageBranches: Node[] = [];
  townships.forEach((t, ti) => {
    for (let v = 0; v < t.villages; v++) {
      const stem = placeStem(rng, usedPlaces);
      const key = `${t.node.org.key}-v${String(v + 1).padStart(2, '0')}`;
      const minority = rng.chance(0.15) ? (rng.chance(0.65) ? mainMinority : secondMinority) : null;
      const clans = rng.chance(0.6)
        ? rng.chance(0.5)
          ? [randomSurname(rng)]
          : [randomSurname(rng), randomSurname(rng)]
        : [];
      if (large.has(`${ti}:${v}`)) {
        const gb = add(key, t.node, `${stem}村党总支`, 'general_branch', 'rural', 'village');
        const k = rng.int(2, 3);
        const total = rng.int(100, 180);
        const parts = apportion(
          total,
          Array.from({ length: k }, () => 0.7 + rng.next() * 0.6),
        );
        parts.forEach((size, b) => {
          const child = add(
            `${key}-b${b + 1}`,
            gb,
            `${stem}村第${ORDINALS[b]}党支部`,
            'branch',
            'rural',
            'village',
            'rural',
            size,
          );
          child.minority = minority;
          child.clans = clans;
        });
      } else {
        const branch = add(key, t.node, `${stem}村党支部`, 'branch', 'rural', 'village', 'rural', skewed(25, 90, 1.6));
        branch.minority = minority;
        branch.clans = clans;
        plainVillageBranches.push(branch);
      }
    }
    const usedCommunity = usedPlaces; // community stems share the county's name space
    for (let s = 0; s < t.communities; s++) {
      const stem = communityStem(rng, usedCommunity);
      const key = `${t.node.org.key}-s${String(s + 1).padStart(2, '0')}`;
      add(key, t.node, `${stem}社区党支部`, 'branch', 'community', 'community', 'community', rng.int(20, 60));
    }
  });

  // A handful of township committees carry their own office staff as members.
  for (const t of rng.sample(townships, rng.int(4, 6))) {
    t.node.profile = 'township_staff';
    t.node.size = rng.int(2, 5);
  }

  // County organs under the organs' working committee (县直机关工委), with most public institutions.
  const organs = add('jg', root, `${county}直机关工委`, 'committee', 'organ', 'organ');
  const organNames = [...ORGANS.slice(0, CORE_ORGANS), ...rng.sample(ORGANS.slice(CORE_ORGANS), rng.int(26, 30))];
  organNames.forEach((dept, i) => {
    const big = dept === '公安局' || dept === '教育局' || dept === '纪委监委机关';
    add(
      `jg-o${String(i + 1).padStart(2, '0')}`,
      organs,
      `${county}${dept}党支部`,
      'branch',
      'organ',
      'organ',
      'organ',
      big ? rng.int(30, 50) : skewed(10, 40, 1.3),
    );
  });
  rng.sample(INSTITUTIONS, rng.int(17, 20)).forEach(([name, min, max], i) => {
    add(
      `jg-i${String(i + 1).padStart(2, '0')}`,
      organs,
      `${county}${name}党支部`,
      'branch',
      'institution',
      'institution',
      'institution',
      rng.int(min, max),
    );
  });

  // Schools under the education working committee (教育工委): county schools and township central schools.
  const edu = add('edu', root, `${county}委教育工委`, 'committee', 'institution', 'organ');
  let schoolNo = 0;
  for (const [name, min, max] of COUNTY_SCHOOLS) {
    schoolNo += 1;
    add(
      `edu-s${String(schoolNo).padStart(2, '0')}`,
      edu,
      `${county}${name}党支部`,
      'branch',
      'institution',
      'school',
      'school',
      rng.int(min, max),
    );
  }
  for (const t of rng.sample(townships.slice(seatCount), rng.int(10, 12))) {
    schoolNo += 1;
    add(
      `edu-s${String(schoolNo).padStart(2, '0')}`,
      edu,
      `${t.name}中心学校党支部`,
      'branch',
      'institution',
      'school',
      'school',
      rng.int(6, 20),
    );
  }

  // State enterprises under the state-assets committee (国资委党委).
  const soe = add('soe', root, `${county}国资委党委`, 'committee', 'state_enterprise', 'organ');
  rng.sample(STATE_ENTERPRISES, rng.int(9, 11)).forEach((name, i) => {
    add(
      `soe-e${String(i + 1).padStart(2, '0')}`,
      soe,
      `${county}${name}党支部`,
      'branch',
      'state_enterprise',
      'enterprise',
      'state',
      skewed(8, 40, 1.2),
    );
  });

  // Private enterprises and social organizations under the 两新 working committee; small ones share joint branches.
  const lx = add('lx', root, `${county}委两新工委`, 'committee', 'private_enterprise', 'organ');
  const usedBrands = new Set<string>();
  const privateCount = rng.int(14, 16);
  for (let i = 0; i < privateCount; i++) {
    let brand = '';
    do {
      const a = rng.pick([...BRAND_CHARS]);
      const b = rng.pick([...BRAND_CHARS]);
      brand = a === b ? '' : a + b;
    } while (!brand || usedBrands.has(brand));
    usedBrands.add(brand);
    add(
      `lx-p${String(i + 1).padStart(2, '0')}`,
      lx,
      `${county}${brand}${rng.pick(INDUSTRIES)}有限公司党支部`,
      'branch',
      'private_enterprise',
      'enterprise',
      'private',
      skewed(3, 18, 1.5),
    );
  }
  rng.sample(JOINT_ZONES, rng.int(4, 6)).forEach((zone, i) => {
    add(
      `lx-j${String(i + 1).padStart(2, '0')}`,
      lx,
      `${county}${zone}非公企业联合党支部`,
      'joint_branch',
      'private_enterprise',
      'enterprise',
      'private',
      rng.int(8, 25),
    );
  });
  rng.sample(SOCIAL_ORGS, rng.int(8, 9)).forEach((name, i) => {
    add(
      `lx-s${String(i + 1).padStart(2, '0')}`,
      lx,
      `${county}${name}党支部`,
      'branch',
      'social_org',
      'social_org',
      'social',
      rng.int(3, 12),
    );
  });
  add(
    'lx-s99',
    lx,
    `${county}社会组织联合党支部`,
    'joint_branch',
    'social_org',
    'social_org',
    'social',
    rng.int(8, 20),
  );

  // Industry-chain organizations (产业链党组织, seed 002 counts 28): a few county-wide, the rest in townships.
  const chainTotal = rng.int(26, 30);
  const countyChains = rng.int(6, 9);
  const products = rng.shuffle(CHAIN_PRODUCTS.slice());
  for (let i = 0; i < countyChains; i++) {
    add(
      `ic${String(i + 1).padStart(2, '0')}`,
      root,
      `${county}${products[i]}产业链党支部`,
      'branch',
      'industry_chain',
      'industry_chain',
      'industry',
      rng.int(8, 30),
    );
  }
  const rural = townships.slice(seatCount);
  const perTownship = new Map<Node, number>();
  const usedChain = new Set<string>();
  for (let made = 0; made < chainTotal - countyChains; ) {
    const t = rng.pick(rural);
    const product = rng.pick(CHAIN_PRODUCTS);
    if (usedChain.has(t.name + product)) continue;
    usedChain.add(t.name + product);
    const n = (perTownship.get(t.node) ?? 0) + 1;
    perTownship.set(t.node, n);
    const joint = rng.chance(0.2);
    add(
      `${t.node.org.key}-ic${n}`,
      t.node,
      `${t.name}${product}产业链${joint ? '联合' : ''}党支部`,
      joint ? 'joint_branch' : 'branch',
      'industry_chain',
      'industry_chain',
      'industry',
      rng.int(5, 22),
    );
    made += 1;
  }

  // Party groups under about a third of the plain village branches, bigger villages first,
  // as many as bring the county to its organization total (seed 001: 809).
  const orgTarget = rng.int(790, 812);
  let remaining = orgTarget - nodes.length;
  const hosts = rng
    .shuffle(plainVillageBranches.slice())
    .sort((a, b) => (b.size >= 45 ? 1 : 0) - (a.size >= 45 ? 1 : 0));
  for (const host of hosts) {
    if (remaining < 2) break;
    let k = Math.min(rng.int(2, 4), remaining);
    if (remaining - k === 1) k = k === 4 ? 3 : k + 1;
    const stem = host.org.name.replace(/党支部$/, '');
    for (let g = 1; g <= k; g++) {
      add(`${host.org.key}-g${g}`, host, `${stem}党支部第${ORDINALS[g - 1]}党小组`, 'group', 'rural', 'group');
    }
    remaining -= k;
  }

  return { root, nodes };
}

/** Lays the tree out depth-first (parents before children) and gives each organization its committee term. */
function emit(tree: Built, rng: Random, today: string): { orgs: DemoOrg[]; holders: Node[] } {
  const orgs: DemoOrg[] = [];
  const holders: Node[] = [];
  const todayDay = toDay(today);
  const stack: Node[] = [tree.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const org = node.org;
    if (org.type !== 'group' && !rng.chance(0.05)) {
      // Village and community committees serve 5 years (since 2018), as do county and township committees;
      // other grassroots branches 3.
      const years =
        org.unit === 'village' || org.unit === 'community' || org.unit === 'county' || org.unit === 'township' ? 5 : 3;
      const earliest = toDay(addYears(today, -years));
      const start = rng.chance(0.04) ? earliest - rng.int(1, 200) : rng.int(earliest + 1, todayDay);
      org.termStart = fromDay(start);
      org.termEnd = addYears(org.termStart, years);
    }
    orgs.push(org);
    if (node.profile) holders.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { orgs, holders };
}

function generateMembers(
  rng: Random,
  holders: Node[],
  ctx: { seed: number; index: number; today: string; regionCode: string },
): DemoMember[] {
  const todayDay = toDay(ctx.today);
  const lastFullJoin = toDay(addYears(ctx.today, -1));
  const earliestJoin = toDay('1950-01-01');

  // Scale the wanted sizes to the county total (seed 001: 1.9万), keeping each org's relative weight.
  const target = rng.int(19_700, 20_300);
  const sizes = apportion(
    target,
    holders.map((h) => h.size),
  );
  for (let i = 0; i < sizes.length; i++) {
    if (sizes[i]! < 1) sizes[i] = 1;
  }

  const minorityTable: Table<Ethnicity> = [
    ['tujia', 4],
    ['miao', 3],
    ['bai', 1.5],
    ['dong', 1.2],
    ['yao', 1],
    ['hui', 0.4],
    ['other', 0.3],
  ];
  const usedIds = new Set<string>();
  // Phone suffixes come from a bijection on 8-digit numbers (multiplier coprime to 10), so they are unique
  // within a county and, through the index, across the counties of one seed.
  const phoneOffset = mixSeed(ctx.seed, 0x70686f6e) % 100_000_000;
  const members: DemoMember[] = [];

  holders.forEach((node, h) => {
    const profile = node.profile!;
    const joinBands =
      profile === 'rural' || profile === 'industry'
        ? JOIN_AGE.rural
        : profile === 'organ' ||
            profile === 'institution' ||
            profile === 'school' ||
            profile === 'state' ||
            profile === 'township_staff'
          ? JOIN_AGE.cadre
          : JOIN_AGE.other;
    for (let n = 0; n < sizes[h]!; n++) {
      const serial = members.length;
      if (serial >= 100_000) throw new Error('demo county too large for its phone block');

      const band = pickBand(rng, AGE_BANDS[profile]);
      const ageYears = band[0] + rng.next() * (band[1] - band[0] + 1);
      const birthDay = todayDay - Math.floor(ageYears * 365.2425) - 1;
      const birthDate = fromDay(birthDay);
      const age = Math.floor(ageYears);
      const ageGroup = age < 40 ? 0 : age < 60 ? 1 : 2;

      const gender: Gender = rng.chance(WOMEN_SHARE[profile][ageGroup]) ? 'female' : 'male';
      const clanChance = gender === 'male' ? 0.55 : 0.12;
      const surname = node.clans.length > 0 && rng.chance(clanChance) ? rng.pick(node.clans) : undefined;
      const name = personName(rng, gender, Number(birthDate.slice(0, 4)), surname);

      let ethnicity: Ethnicity = 'han';
      if (node.minority && rng.chance(0.55)) ethnicity = node.minority;
      else if (rng.chance(0.035)) ethnicity = rng.weighted(minorityTable);

      const education = rng.weighted(EDUCATION[profile][ageGroup]);
      const catGroup = age < 23 ? 0 : age < 60 ? 1 : 2;
      const category = rng.weighted(CATEGORY[profile][catGroup]);

      const firstJoin = Math.max(toDay(addYears(birthDate, 18)), earliestJoin);
      const pChance = PROBATIONARY_CHANCE[age < 30 ? 0 : age < 45 ? 1 : age < 60 ? 2 : 3];
      const probationary = firstJoin > lastFullJoin || rng.chance(pChance);
      let joinDay: number;
      if (probationary) {
        joinDay = rng.int(Math.max(firstJoin, todayDay - 364), todayDay);
      } else {
        const jb = pickBand(rng, joinBands);
        const joinAge = jb[0] + rng.next() * (jb[1] - jb[0] + 1);
        joinDay = Math.max(birthDay + Math.floor(joinAge * 365.2425), firstJoin);
        // Too young for the drawn joining age: spread over the possible years instead of piling up on one day.
        if (joinDay > lastFullJoin) joinDay = rng.int(firstJoin, lastFullJoin);
      }
      const joinedAt = fromDay(joinDay);
      let fullMemberAt: string | null = null;
      if (!probationary) {
        const full = addYears(joinedAt, 1);
        fullMemberAt = full > ctx.today ? ctx.today : full;
      }

      let idNumber = '';
      for (let attempt = 0; ; attempt++) {
        if (attempt > 200) throw new Error(`no free ID sequence for ${birthDate}`);
        idNumber = makeIdNumber(ctx.regionCode, birthDate, rng.int(0, 999), gender);
        if (!usedIds.has(idNumber)) break;
      }
      usedIds.add(idNumber);

      const global = ctx.index * 100_000 + serial;
      const suffix = (global * 73_939_133 + phoneOffset) % 100_000_000;
      const phone = rng.pick(PHONE_PREFIXES) + String(suffix).padStart(8, '0');

      members.push({
        key: `m${String(serial + 1).padStart(5, '0')}`,
        orgKey: node.org.key,
        name,
        gender,
        idNumber,
        phone,
        birthDate,
        ethnicity,
        education,
        category,
        joinedAt,
        fullMemberAt,
        status: probationary ? 'probationary' : 'full',
      });
    }
  });
  return members;
}

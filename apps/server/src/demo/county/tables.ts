/** The demo county's data tables: age bands, shares, education, categories, and the names of its organs, schools and firms. */
import type { Education, Ethnicity, MemberCategory } from '@dangjian/contracts';
import { Profile } from './types.js';

export type Table<T> = ReadonlyArray<readonly [T, number]>;
/** [min age, max age, weight] */
export type Bands = ReadonlyArray<readonly [number, number, number]>;

export const AGE_BANDS: Record<Profile, Bands> = {
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
export const WOMEN_SHARE: Record<Profile, readonly [number, number, number]> = {
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
export const EDUCATION: Record<Profile, readonly [Table<Education>, Table<Education>, Table<Education>]> = {
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
export const CATEGORY: Record<Profile, readonly [Table<MemberCategory>, Table<MemberCategory>, Table<MemberCategory>]> =
  {
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
export const JOIN_AGE: Record<'rural' | 'cadre' | 'other', Bands> = {
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
export const PROBATIONARY_CHANCE = [0.16, 0.05, 0.01, 0.001] as const;

export const MINORITIES: readonly Ethnicity[] = ['tujia', 'miao', 'bai', 'dong', 'yao'];

export const ORGANS = [
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
export const CORE_ORGANS = 12; // the first ones exist in every county

export const INSTITUTIONS: ReadonlyArray<readonly [string, number, number]> = [
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

export const COUNTY_SCHOOLS: ReadonlyArray<readonly [string, number, number]> = [
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

export const STATE_ENTERPRISES = [
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

export const BRAND_CHARS = '瑞鑫恒华宏绿金天佳隆兴泰盛源丰达远禾成康';
export const INDUSTRIES = [
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
export const JOINT_ZONES = ['工业园区', '城东商圈', '城西商圈', '电商产业园', '农产品加工园', '物流园', '个体工商户'];
export const SOCIAL_ORGS = [
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
export const CHAIN_PRODUCTS = [
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

export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Phone prefixes of the three carriers' common 13x/15x/18x blocks. */
export const PHONE_PREFIXES = [
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
export const COUNTIES_PER_PREFECTURE = 79;

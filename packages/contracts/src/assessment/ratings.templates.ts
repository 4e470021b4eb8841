/**
 * The rating templates shipped as data (五化五星 seed 002, 十星级 seed 003, 三化四明 seed 004, 村干部"5+1"考核
 * seed 001, 年终考评 seed 003): `POST /api/ratings/schemes/from-template` copies one into a county's year, where it
 * is edited before it is published. Record indicators name a measure of the records and how its value maps to a score.
 */
import type { Labelled } from '../core/enums.js';
import type {
  IndicatorGroupT,
  IndicatorT,
  RatingMode,
  RatingSubject,
  ScoreMappingT,
  StarThresholdT,
} from './ratings.base.js';

/** A template: its name, what it rates and how, its indicator tree and thresholds. */
export interface RatingTemplate {
  key: string;
  name: Labelled;
  source: Labelled;
  subject: RatingSubject;
  mode: RatingMode;
  maxStars: number;
  description: string;
  groups: IndicatorGroupT[];
  thresholds: StarThresholdT[];
}

const lin = (toValue: number, toScore: number, fromValue = 0): ScoreMappingT => ({
  kind: 'linear',
  fromValue,
  fromScore: 0,
  toValue,
  toScore,
});
const ind = (key: string, name: string, maxScore: number, fill: IndicatorT['fill'], more: Partial<IndicatorT> = {}) =>
  ({ key, name, maxScore, fill, evidence: null, source: null, mapping: null, ...more }) as IndicatorT;

const WUHUA: RatingTemplate = {
  key: 'wuhua_wuxing',
  name: { zh: '党支部“五化五星”评定', en: 'Five standards, five stars' },
  source: { zh: '桑植县党支部“五化五星”管理办法（种子材料002）', en: 'Sangzhi county (seed 002)' },
  subject: 'org',
  mode: 'score',
  maxStars: 5,
  description: '量化评分、评星晋级：四星及以上表彰，两星及以下提醒整改，力争3年内三星党支部达100%。',
  groups: [
    {
      key: 'g1',
      name: '支部建设标准化',
      items: [
        ind('g1.1', '支部按期换届、班子配备齐全', 10, 'assessor', { evidence: '换届批复、班子名单' }),
        ind('g1.2', '党员发展按计划完成', 10, 'record', { source: 'development_plan', mapping: lin(100, 10) }),
      ],
    },
    {
      key: 'g2',
      name: '组织生活正常化',
      items: [
        ind('g2.1', '“三会一课”、主题党日按期开展', 15, 'record', { source: 'meetings_held', mapping: lin(24, 15) }),
        ind('g2.2', '党员参加组织生活', 5, 'record', { source: 'meeting_attendance', mapping: lin(90, 5, 50) }),
        ind('g2.3', '组织生活会、民主评议党员', 5, 'self', { evidence: '会议记录、评议结果' }),
      ],
    },
    {
      key: 'g3',
      name: '管理服务精细化',
      items: [
        ind('g3.1', '党费按时足额收缴', 10, 'record', {
          source: 'dues_rate',
          mapping: {
            kind: 'thresholds',
            steps: [
              { min: 80, score: 5 },
              { min: 95, score: 8 },
              { min: 100, score: 10 },
            ],
          },
        }),
        ind('g3.2', '为民服务办结', 10, 'record', { source: 'services_done', mapping: lin(20, 10) }),
      ],
    },
    {
      key: 'g4',
      name: '工作制度体系化',
      items: [
        ind('g4.1', '各项制度健全并上墙', 10, 'self', { evidence: '制度文本、照片' }),
        ind('g4.2', '问题整改按期完成', 10, 'record', { source: 'problems_closed', mapping: lin(100, 10) }),
      ],
    },
    {
      key: 'g5',
      name: '阵地建设规范化',
      items: [
        ind('g5.1', '活动场所标识统一、功能齐全', 10, 'assessor', { evidence: '现场照片' }),
        ind('g5.2', '党建资料台账完整', 5, 'assessor', { evidence: '台账' }),
      ],
    },
  ],
  thresholds: [
    { level: 1, minScore: 0 },
    { level: 2, minScore: 60 },
    { level: 3, minScore: 70 },
    { level: 4, minScore: 80 },
    { level: 5, minScore: 90 },
  ],
};

const TEN_STARS = [
  ['s1', '组织建设星', 'assessor'],
  ['s2', '制度落实星', 'record', 'meetings_held', 24],
  ['s3', '党员教育星', 'record', 'meeting_attendance', 90],
  ['s4', '发展党员星', 'record', 'development_plan', 100],
  ['s5', '党费收缴星', 'record', 'dues_rate', 100],
  ['s6', '为民服务星', 'record', 'services_done', 20],
  ['s7', '乡村振兴星', 'assessor'],
  ['s8', '平安和谐星', 'self'],
  ['s9', '文明新风星', 'self'],
  ['s10', '整改落实星', 'record', 'problems_closed', 100],
] as const;

const SHIXING: RatingTemplate = {
  key: 'shixingji',
  name: { zh: '“十星级”党支部争创', en: 'Ten-star branches' },
  source: { zh: '“十星级党员、十星级党支部”争创活动（种子材料003）', en: 'Ten-star campaign (seed 003)' },
  subject: 'org',
  mode: 'items',
  maxStars: 10,
  description: '每项达标得一星，最多十星。',
  groups: [
    {
      key: 'stars',
      name: '十星',
      items: TEN_STARS.map(([key, name, fill, source, to]) =>
        ind(key, name, 10, fill, {
          passScore: 8,
          ...(source ? { source, mapping: lin(to ?? 100, 10) } : {}),
          evidence: fill === 'record' ? null : '工作记录、照片',
        }),
      ),
    },
  ],
  thresholds: [],
};

const SANHUA: RatingTemplate = {
  key: 'sanhua_siming',
  name: { zh: '“三化四明”党组织标准化建设', en: 'Three standards, four clarities' },
  source: { zh: '“三化四明”党组织标准化建设工程（种子材料004）', en: 'Standardization project (seed 004)' },
  subject: 'org',
  mode: 'score',
  maxStars: 3,
  description: '达标分为县级、市级、省级标准化党组织三个等级（一至三星）。',
  groups: [
    {
      key: 'h',
      name: '三化',
      items: [
        ind('h1', '组织设置规范化', 15, 'assessor', { evidence: '组织设置批复' }),
        ind('h2', '组织生活制度化', 20, 'record', { source: 'meetings_held', mapping: lin(24, 20) }),
        ind('h3', '阵地建设标准化', 15, 'assessor', { evidence: '现场照片' }),
      ],
    },
    {
      key: 'm',
      name: '四明',
      items: [
        ind('m1', '目标明', 10, 'self', { evidence: '年度目标' }),
        ind('m2', '职责明', 10, 'self', { evidence: '职责分工' }),
        ind('m3', '制度明', 15, 'self', { evidence: '制度文本' }),
        ind('m4', '责任明', 15, 'record', { source: 'problems_closed', mapping: lin(100, 15) }),
      ],
    },
  ],
  thresholds: [
    { level: 1, minScore: 70 },
    { level: 2, minScore: 80 },
    { level: 3, minScore: 90 },
  ],
};

const GRADES: StarThresholdT[] = [
  { level: 1, minScore: 0 },
  { level: 2, minScore: 60 },
  { level: 3, minScore: 75 },
  { level: 4, minScore: 90 },
];

const FIVE_PLUS_ONE: RatingTemplate = {
  key: 'cadre_5plus1',
  name: { zh: '村干部“5+1”考核', en: 'Village cadres: the 5+1 assessment' },
  source: { zh: '村干部“5+1”考核制度（种子材料001）', en: 'The 5+1 assessment (seed 001)' },
  subject: 'cadre',
  mode: 'grade',
  maxStars: 4,
  description: '德、能、勤、绩、廉五项加群众满意度测评，评定优秀、称职、基本称职、不称职。',
  groups: [
    {
      key: 'five',
      name: '五项考核',
      items: [
        ind('d', '德：政治素质', 15, 'assessor', { evidence: '日常表现' }),
        ind('n', '能：履职能力', 15, 'assessor'),
        ind('q', '勤：工作作风、在岗履职', 15, 'self', { evidence: '值班坐班记录' }),
        ind('j', '绩：工作实绩', 25, 'assessor', { evidence: '年度工作台账' }),
        ind('l', '廉：廉洁自律', 10, 'assessor'),
      ],
    },
    { key: 'plus', name: '群众满意度', items: [ind('m', '群众满意度测评', 20, 'assessor', { evidence: '测评表' })] },
  ],
  thresholds: GRADES,
};

const YEAR_END: RatingTemplate = {
  key: 'year_end',
  name: { zh: '年终考评', en: 'Year-end assessment' },
  source: { zh: '“双周计划+季度通报+半年督查+随机暗访+现场观摩+年终考评”机制（种子材料003）', en: 'Seed 003' },
  subject: 'cadre',
  mode: 'grade',
  maxStars: 4,
  description: '对村（社区）党组织书记的年终考评。',
  groups: [
    {
      key: 'work',
      name: '党建工作',
      items: [
        ind('w1', '抓基层党建责任落实', 30, 'assessor', { evidence: '述职报告' }),
        ind('w2', '平时考核（季度通报、督查、暗访）', 30, 'assessor'),
      ],
    },
    {
      key: 'center',
      name: '中心工作',
      items: [ind('c1', '乡村振兴、基层治理等中心工作', 25, 'self', { evidence: '工作台账' })],
    },
    { key: 'mass', name: '群众评议', items: [ind('p1', '党员群众评议', 15, 'assessor')] },
  ],
  thresholds: GRADES,
};

/** The templates, by key. */
export const RATING_TEMPLATES: Record<string, RatingTemplate> = {
  [WUHUA.key]: WUHUA,
  [SHIXING.key]: SHIXING,
  [SANHUA.key]: SANHUA,
  [FIVE_PLUS_ONE.key]: FIVE_PLUS_ONE,
  [YEAR_END.key]: YEAR_END,
};

/** The meetings demo's texts: themes, study, committee topics, lectures, group topics, times and reasons. */
import type { MeetingKind } from '../../areas/life/meetings/meetings.rules.js';

/** 主题党日 themes by month, some only for rural or urban branches. */
export const THEMES: Record<number, readonly (readonly [string, 'all' | 'rural' | 'urban', string?])[]> = {
  1: [
    ['新春走访慰问困难党员和老党员', 'all'],
    ['学习贯彻中央经济工作会议精神', 'all'],
    ['冬季森林防火宣传', 'rural'],
  ],
  2: [
    ['节后收心 学习传达全县经济工作会议精神', 'all'],
    ['春季村庄清洁行动', 'rural'],
    ['“我为群众办实事”志愿服务', 'urban'],
  ],
  3: [
    ['学雷锋志愿服务活动', 'all'],
    ['学习全国两会精神', 'all'],
    ['春耕备耕政策宣讲', 'rural'],
  ],
  4: [
    ['清明祭英烈 缅怀革命先烈', 'all', '烈士陵园'],
    ['森林防火和防溺水宣传', 'rural'],
    ['全民国家安全教育日宣传', 'urban'],
  ],
  5: [
    ['“五一”劳动节志愿服务', 'all'],
    ['汛前地质灾害隐患排查', 'rural'],
    ['传承五四精神 青年党员座谈', 'urban'],
  ],
  6: [
    ['“安全生产月”宣传', 'all'],
    ['防汛备汛巡查', 'rural'],
    ['迎“七一”重温入党誓词', 'all'],
  ],
  7: [
    ['庆祝中国共产党成立{n}周年 重温入党誓词', 'all'],
    ['走访慰问老党员和困难党员', 'all'],
    ['防汛救灾志愿服务', 'rural'],
  ],
  8: [
    ['“八一”走访慰问退役军人', 'all'],
    ['党纪学习教育专题学习', 'all'],
    ['防溺水安全宣传', 'rural'],
  ],
  9: [
    ['开学季关爱留守儿童', 'rural'],
    ['全民国防教育日宣传', 'all'],
    ['秋收助农志愿服务', 'rural'],
    ['垃圾分类宣传', 'urban'],
  ],
  10: [
    ['重阳节敬老爱老志愿服务', 'all', '敬老院'],
    ['国庆升国旗仪式暨爱国主义教育', 'all'],
    ['秋冬季森林防火宣传', 'rural'],
  ],
  11: [
    ['学习贯彻党的二十届四中全会精神', 'all'],
    ['冬季消防安全宣传', 'all'],
    ['农村人居环境整治', 'rural'],
  ],
  12: [
    ['国家宪法日普法宣传', 'all'],
    ['年终走访慰问困难群众', 'all'],
    ['冬季消防安全检查', 'urban'],
  ],
};

export const STUDY = [
  '学习贯彻习近平新时代中国特色社会主义思想',
  '学习贯彻党的二十大精神',
  '学习《中国共产党章程》',
  '学习《中国共产党纪律处分条例》',
  '学习习近平总书记关于“三农”工作的重要论述',
  '学习习近平总书记关于基层治理的重要论述',
  '学习贯彻中央八项规定精神',
  '学习贯彻县委全会精神',
];

export const COMMITTEE_TOPICS = {
  all: [
    '研究本月党建工作安排',
    '研究发展党员工作',
    '研究党费收缴和使用情况',
    '研究本月主题党日活动方案',
    '学习传达上级会议精神，研究贯彻落实措施',
    '研究困难党员慰问名单',
    '研究党员积分管理情况',
    '研究党风廉政建设工作',
  ],
  rural: [
    '研究村级重点工作推进情况',
    '研究村集体经济发展项目',
    '研究人居环境整治工作',
    '研究防汛和地质灾害防范工作',
    '研究产业发展和联农带农工作',
  ],
  urban: ['研究网格化管理工作', '研究为民服务项目安排', '研究业务工作与党建融合', '研究意识形态工作'],
};

export const LECTURES = [
  '弘扬伟大建党精神 践行初心使命',
  '牢记初心使命 争做合格党员',
  '严守党的纪律规矩',
  '学习《中国共产党章程》 增强党章意识',
  '传承红色基因 赓续精神血脉',
  '践行全心全意为人民服务的根本宗旨',
  '学习贯彻习近平新时代中国特色社会主义思想',
  '以高质量党建引领高质量发展',
];
export const LECTURES_RURAL = ['以党建引领乡村全面振兴', '发展壮大村集体经济', '做好新时代群众工作'];
export const LECTURES_URBAN = ['推进基层治理现代化', '锤炼过硬作风 提升服务效能', '以“四下基层”密切党群关系'];

export const LEADERS = ['乡镇党委副书记', '乡镇党委委员', '县委组织部干部', '联村领导', '县直机关工委干部'];

export const GROUP_TOPICS = [
  '学习党章和党的基本知识',
  '交流学习体会',
  '收缴党费，学习有关文件',
  '讨论本组党员联系户情况',
  '传达支部委员会工作安排',
  '学习上级会议精神',
];

/** Per-kind start times (minutes after midnight) and durations, for rural and office settings. */
export const TIMES: Record<
  MeetingKind,
  { rural: readonly number[]; office: readonly number[]; minutes: readonly [number, number] }
> = {
  theme_day: { rural: [540, 540, 510, 870], office: [540, 870, 900], minutes: [120, 180] },
  committee_meeting: { rural: [1170, 1200, 840, 540], office: [900, 960, 870], minutes: [60, 90] },
  general_meeting: { rural: [540, 1170, 840], office: [900, 990, 870], minutes: [90, 120] },
  party_lecture: { rural: [540, 870, 1170], office: [870, 900, 540], minutes: [60, 90] },
  life_meeting: { rural: [540, 840], office: [540, 870], minutes: [180, 240] },
  member_review: { rural: [540, 840], office: [540, 870], minutes: [90, 120] },
  heart_to_heart: { rural: [600, 900, 990, 1200], office: [600, 900, 990], minutes: [30, 60] },
  group_meeting: { rural: [1170, 1200, 540, 870], office: [960, 870], minutes: [60, 90] },
  leadership_life_meeting: { rural: [540, 870], office: [540, 870], minutes: [240, 300] },
};

/** Leave reasons (brief's four) weighted by who asks. */
export const REASONS = {
  ruralYoung: [
    ['外出务工', 6],
    ['家中有事', 2],
    ['生病住院', 1],
  ],
  ruralOld: [
    ['生病住院', 4],
    ['家中有事', 2],
    ['外出务工', 1],
  ],
  office: [
    ['出差', 5],
    ['家中有事', 2],
    ['生病住院', 1],
  ],
  other: [
    ['家中有事', 3],
    ['生病住院', 2],
    ['外出务工', 1],
    ['出差', 1],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, number]>>;

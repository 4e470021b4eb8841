/**
 * Generated Chinese names for demo data: people from weighted surnames and era-typical
 * given-name characters, places from syllable pools. Every name is put together at random,
 * so any resemblance to a real person is chance; none is taken from a real roster.
 */
import { Random, WeightedTable } from './random.js';

/** The most common surnames with their approximate share (per mille) of the population. */
const SURNAME_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['王', 71.2],
  ['李', 70.0],
  ['张', 67.4],
  ['刘', 51.0],
  ['陈', 46.1],
  ['杨', 32.2],
  ['黄', 24.5],
  ['赵', 21.9],
  ['吴', 20.0],
  ['周', 19.5],
  ['徐', 14.5],
  ['孙', 13.8],
  ['马', 12.9],
  ['朱', 12.8],
  ['胡', 11.6],
  ['郭', 11.3],
  ['何', 10.6],
  ['林', 10.1],
  ['高', 10.0],
  ['罗', 9.5],
  ['郑', 8.1],
  ['梁', 8.1],
  ['谢', 7.2],
  ['宋', 6.6],
  ['唐', 6.5],
  ['许', 6.2],
  ['韩', 6.1],
  ['邓', 5.9],
  ['冯', 5.8],
  ['曹', 5.7],
  ['彭', 5.4],
  ['曾', 5.4],
  ['肖', 5.2],
  ['田', 5.1],
  ['董', 5.0],
  ['潘', 4.8],
  ['袁', 4.7],
  ['蔡', 4.4],
  ['蒋', 4.3],
  ['余', 4.2],
  ['于', 4.1],
  ['杜', 4.0],
  ['叶', 3.9],
  ['程', 3.8],
  ['魏', 3.7],
  ['苏', 3.6],
  ['吕', 3.5],
  ['丁', 3.4],
  ['任', 3.3],
  ['卢', 3.2],
  ['姚', 3.1],
  ['沈', 3.0],
  ['钟', 3.0],
  ['姜', 2.9],
  ['崔', 2.8],
  ['谭', 2.8],
  ['陆', 2.7],
  ['范', 2.6],
  ['汪', 2.6],
  ['廖', 2.5],
  ['石', 2.5],
  ['金', 2.4],
  ['韦', 2.3],
  ['贾', 2.3],
  ['夏', 2.2],
  ['付', 2.2],
  ['方', 2.1],
  ['邹', 2.1],
  ['熊', 2.0],
  ['白', 2.0],
  ['孟', 2.0],
  ['秦', 1.9],
  ['邱', 1.9],
  ['侯', 1.8],
  ['江', 1.8],
  ['尹', 1.7],
  ['薛', 1.7],
  ['闫', 1.6],
  ['段', 1.6],
  ['雷', 1.5],
  ['龙', 1.5],
  ['黎', 1.5],
  ['史', 1.4],
  ['陶', 1.4],
  ['贺', 1.4],
  ['毛', 1.3],
  ['郝', 1.3],
  ['顾', 1.3],
  ['龚', 1.2],
  ['邵', 1.2],
  ['万', 1.2],
  ['覃', 1.1],
  ['武', 1.1],
  ['钱', 1.1],
  ['戴', 1.0],
  ['严', 1.0],
  ['莫', 1.0],
  ['孔', 1.0],
  ['向', 1.0],
  ['欧阳', 0.4],
  ['司马', 0.1],
];

const SURNAMES = new WeightedTable(SURNAME_WEIGHTS);

/** Given-name characters by sex and by the decade a name was typical, so ages and names agree. */
const GIVEN_CHARS = {
  male: {
    old: '国建德明志永福长金新海春华军平玉正忠发贵良清文祥生林成宝兴勇荣家有树云光先庆汉成学友', // born before 1965
    mid: '伟勇军斌涛强波辉刚杰鹏磊峰超明俊亮华东林建海志晓红兵宏剑锋平飞毅昌松', // 1965–1984
    young: '浩宇轩子博文俊杰涛鑫磊阳泽昊睿晨凯航鹏翔嘉明毅豪然铭航逸宸皓', // 1985 on
  },
  female: {
    old: '秀英兰桂芳玉珍凤梅春华淑翠花琼云莲菊香娥群美素彩金银凤月荣', // before 1965
    mid: '丽红敏静燕艳娟霞芳玲琴萍英梅莉婷慧晓春蓉丹雪华霞青', // 1965–1984
    young: '婷雪琳欣怡佳悦诗雨梦思颖倩丹晨璐洁瑶妍蕾琪涵萱可馨', // 1985 on
  },
} as const;

/** Share of one-character given names by era (they peaked among people born in the 1970s–80s). */
const SINGLE_SHARE = { old: 0.22, mid: 0.35, young: 0.12 } as const;

type Era = keyof typeof SINGLE_SHARE;

function eraOf(birthYear: number): Era {
  return birthYear < 1965 ? 'old' : birthYear < 1985 ? 'mid' : 'young';
}

/** A surname drawn by national frequency; callers that model clan villages pass their own instead. */
export function randomSurname(rng: Random): string {
  return SURNAMES.pick(rng);
}

/** A fictitious full name whose given-name style fits the person's sex and birth year. */
export function personName(rng: Random, gender: 'male' | 'female', birthYear: number, surname?: string): string {
  const era = eraOf(birthYear);
  const pool = GIVEN_CHARS[gender][era];
  const family = surname ?? SURNAMES.pick(rng);
  const first = pool[Math.floor(rng.next() * pool.length)]!;
  if (rng.chance(SINGLE_SHARE[era])) return family + first;
  let second = pool[Math.floor(rng.next() * pool.length)]!;
  if (second === first && rng.chance(0.8)) second = pool[Math.floor(rng.next() * pool.length)]!;
  return family + first + second;
}

const PLACE_FIRST =
  '青石白黄龙凤金桃柳梅松竹兰云清长高大小新太安平永兴双马鹤狮花茶杉枫莲碧丰福宝红望仙古东西南北上下中乌沙岩樟桐槐杨田荷草鹿';
const PLACE_SECOND = '桥溪河坪山岭口湾塘坝林源冲峰江岩洞田庄关渡坡垭岗寨湖井铺阳泉坳峪堡';

/** A two-syllable place stem (e.g. 石坪, 桃溪) not yet in `used`; the set keeps names unique within a county. */
export function placeStem(rng: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const a = PLACE_FIRST[Math.floor(rng.next() * PLACE_FIRST.length)]!;
    const b = PLACE_SECOND[Math.floor(rng.next() * PLACE_SECOND.length)]!;
    const stem = a + b;
    if (!used.has(stem)) {
      used.add(stem);
      return stem;
    }
  }
  throw new Error('place-name pools exhausted');
}

/** Street-style names that urban communities in county towns typically carry. */
const COMMUNITY_STEMS = [
  '东门',
  '西门',
  '南门',
  '北门',
  '文昌',
  '建设',
  '新华',
  '解放',
  '人民',
  '和平',
  '幸福',
  '朝阳',
  '滨河',
  '滨江',
  '城东',
  '城西',
  '城南',
  '城北',
  '桥头',
  '书院',
  '学府',
  '育才',
  '团结',
  '友谊',
  '兴隆',
  '光明',
  '向阳',
  '锦绣',
  '金桥',
  '玉泉',
  '花园',
  '春晖',
  '翠屏',
  '龙泉',
  '凤凰',
  '紫荆',
  '青云',
  '白塔',
  '中山',
  '沿江',
  '民主',
  '府前',
  '正街',
  '河西',
  '河东',
  '新城',
  '老街',
  '商贸',
  '望城',
  '迎宾',
];

/** A community stem (社区 name without the suffix), urban-sounding first, a place stem once those run out. */
export function communityStem(rng: Random, used: Set<string>): string {
  const free = COMMUNITY_STEMS.filter((s) => !used.has(s));
  if (free.length > 0) {
    const s = rng.pick(free);
    used.add(s);
    return s;
  }
  return placeStem(rng, used);
}

const COUNTY_FIRST = '青翠栖鸣沐泓黛苍霁雾云澄岫枫荻芷蘅汐碧蔚';
const COUNTY_SECOND = '岚屏澜峦霞岫嶂汀崖峪涧湄皋';
/** Stems that are real county-level names; the demo must never pass for a real place. */
const REAL_COUNTY_STEMS = new Set(['翠屏', '澄江', '云霞', '苍屏']);

/**
 * Fictitious county names in a seed-dependent order; entry i is distinct for every i, so counties of one prefecture
 * differ.
 */
export function countyNames(rng: Random): string[] {
  const out: string[] = [];
  for (const a of COUNTY_FIRST) {
    for (const b of COUNTY_SECOND) {
      if (a !== b && !REAL_COUNTY_STEMS.has(a + b)) out.push(`${a + b}县`);
    }
  }
  return rng.shuffle(out);
}

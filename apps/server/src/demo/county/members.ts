/** The members of a county, and the tree emitted as organizations. */
import type { Ethnicity, Gender } from '@dangjian/contracts';
import { makeIdNumber } from '../../platform/idcard.js';
import { personName } from '../names.js';
import { Random, addYears, fromDay, mixSeed, toDay } from '../random.js';
import { DemoMember, DemoOrg, Node } from './types.js';
import {
  AGE_BANDS,
  CATEGORY,
  EDUCATION,
  JOIN_AGE,
  PHONE_PREFIXES,
  PROBATIONARY_CHANCE,
  Table,
  WOMEN_SHARE,
} from './tables.js';
import { Built, apportion, pickBand } from './generate.js';

/** Lays the tree out depth-first (parents before children) and gives each organization its committee term. */
export function emit(tree: Built, rng: Random, today: string): { orgs: DemoOrg[]; holders: Node[] } {
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

export function generateMembers(
  rng: Random,
  holders: Node[],
  ctx: { seed: number; index: number; today: string; regionCode: string; members?: number },
): DemoMember[] {
  const todayDay = toDay(ctx.today);
  const lastFullJoin = toDay(addYears(ctx.today, -1));
  const earliestJoin = toDay('1950-01-01');

  // Scale the wanted sizes to the county total (seed 001: 1.9万), keeping each org's relative weight.
  const target = Math.round(rng.int(19_700, 20_300) * (ctx.members ?? 1));
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

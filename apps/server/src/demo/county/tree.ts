/** The organization tree of a county: townships, villages, organs, institutions, schools, firms and their branches. */
import type { Ethnicity, OrgField, OrgType } from '@dangjian/contracts';
import { communityStem, placeStem, randomSurname } from '../names.js';
import { Random } from '../random.js';
import { COUNTY_SIZE, type CountySize, Node, Profile, Unit } from './types.js';
import {
  BRAND_CHARS,
  CHAIN_PRODUCTS,
  CORE_ORGANS,
  COUNTY_SCHOOLS,
  INDUSTRIES,
  INSTITUTIONS,
  JOINT_ZONES,
  MINORITIES,
  ORDINALS,
  ORGANS,
  SOCIAL_ORGS,
  STATE_ENTERPRISES,
} from './tables.js';
import { Built, apportion } from './generate.js';

/** The key of the i-th (from 0) organization of a series: `nth('lx-p', 0)` is `lx-p01`. */
const nth = (prefix: string, i: number) => `${prefix}${String(i + 1).padStart(2, '0')}`;

/** The field, unit and member profile of each kind of workplace with a Party organization. */
const WORKPLACES = {
  village: ['rural', 'village', 'rural'],
  organ: ['organ', 'organ', 'organ'],
  institution: ['institution', 'institution', 'institution'],
  school: ['institution', 'school', 'school'],
  stateEnterprise: ['state_enterprise', 'enterprise', 'state'],
  privateEnterprise: ['private_enterprise', 'enterprise', 'private'],
  socialOrg: ['social_org', 'social_org', 'social'],
  industryChain: ['industry_chain', 'industry_chain', 'industry'],
} as const satisfies Record<string, readonly [OrgField, Unit, Profile]>;

export function buildTree(rng: Random, county: string, size: CountySize = COUNTY_SIZE): Built {
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
    const key = nth('t', i);
    const node = add(key, root, `${name}党委`, 'committee', 'rural', 'township');
    townships.push({ node, name, seat, town, villages: 0, communities: 0 });
  }

  const villageTotal = Math.round(rng.int(284, 296) * size.places);
  const villageCounts = apportion(
    villageTotal,
    townships.map((t) => (t.seat ? 0.45 + rng.next() * 0.2 : 0.75 + rng.next() * 0.6)),
  );
  townships.forEach((t, i) => (t.villages = villageCounts[i]!));

  const communityTotal = Math.round(rng.int(36, 44) * size.places);
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
            ...WORKPLACES.village,
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
      nth('jg-o', i),
      organs,
      `${county}${dept}党支部`,
      'branch',
      ...WORKPLACES.organ,
      big ? rng.int(30, 50) : skewed(10, 40, 1.3),
    );
  });
  rng.sample(INSTITUTIONS, rng.int(17, 20)).forEach(([name, min, max], i) => {
    add(nth('jg-i', i), organs, `${county}${name}党支部`, 'branch', ...WORKPLACES.institution, rng.int(min, max));
  });

  // Schools under the education working committee (教育工委): county schools and township central schools.
  const edu = add('edu', root, `${county}委教育工委`, 'committee', 'institution', 'organ');
  let schoolNo = 0;
  for (const [name, min, max] of COUNTY_SCHOOLS) {
    schoolNo += 1;
    add(nth('edu-s', schoolNo - 1), edu, `${county}${name}党支部`, 'branch', ...WORKPLACES.school, rng.int(min, max));
  }
  for (const t of rng.sample(townships.slice(seatCount), rng.int(10, 12))) {
    schoolNo += 1;
    add(nth('edu-s', schoolNo - 1), edu, `${t.name}中心学校党支部`, 'branch', ...WORKPLACES.school, rng.int(6, 20));
  }

  // State enterprises under the state-assets committee (国资委党委).
  const soe = add('soe', root, `${county}国资委党委`, 'committee', 'state_enterprise', 'organ');
  rng.sample(STATE_ENTERPRISES, rng.int(9, 11)).forEach((name, i) => {
    add(nth('soe-e', i), soe, `${county}${name}党支部`, 'branch', ...WORKPLACES.stateEnterprise, skewed(8, 40, 1.2));
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
      nth('lx-p', i),
      lx,
      `${county}${brand}${rng.pick(INDUSTRIES)}有限公司党支部`,
      'branch',
      ...WORKPLACES.privateEnterprise,
      skewed(3, 18, 1.5),
    );
  }
  rng.sample(JOINT_ZONES, rng.int(4, 6)).forEach((zone, i) => {
    add(
      nth('lx-j', i),
      lx,
      `${county}${zone}非公企业联合党支部`,
      'joint_branch',
      ...WORKPLACES.privateEnterprise,
      rng.int(8, 25),
    );
  });
  rng.sample(SOCIAL_ORGS, rng.int(8, 9)).forEach((name, i) => {
    add(nth('lx-s', i), lx, `${county}${name}党支部`, 'branch', ...WORKPLACES.socialOrg, rng.int(3, 12));
  });
  add('lx-s99', lx, `${county}社会组织联合党支部`, 'joint_branch', ...WORKPLACES.socialOrg, rng.int(8, 20));

  // Industry-chain organizations (产业链党组织, seed 002 counts 28): a few county-wide, the rest in townships.
  const chainTotal = rng.int(26, 30);
  const countyChains = rng.int(6, 9);
  const products = rng.shuffle(CHAIN_PRODUCTS.slice());
  for (let i = 0; i < countyChains; i++) {
    add(
      nth('ic', i),
      root,
      `${county}${products[i]}产业链党支部`,
      'branch',
      ...WORKPLACES.industryChain,
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
  const orgTarget = Math.round(rng.int(790, 812) * size.orgs);
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

import { maskPhone } from '../../platform/idcard.js';
import { makeIdNumber } from '../../platform/idcard.js';
import { personName, randomSurname } from '../names.js';
import { DEMO_POOR_SHARE, Hh, householdSize, householdTags, isPoorTags, pad2 } from './plan.js';
import { Row, stampValues, phoneValues } from '../bulk.js';
import type { Begin, Places } from './start.js';

export async function loadHouseholds(s: Begin & Places) {
  const { ctx, bulk, c, rng, tenant, today, stamp, places } = s;
  // ---- households and residents ----
  const hhId0 = await bulk.nextId('households');
  const resId0 = await bulk.nextId('residents');
  const grpId0 = await bulk.nextId('household_groups');
  const households: Hh[] = [];
  const hhRows: Row[] = [];
  const resRows: Row[] = [];
  const rr = rng.fork(2);
  const birthYear = (age: number) => Number(today.slice(0, 4)) - age;
  const birth = (age: number) => `${birthYear(age)}-${pad2(rr.int(1, 12))}-${pad2(rr.int(1, 28))}`;
  let seq = 0;
  for (const [pi, p] of places.entries()) {
    // Mountain villages have more poor households; communities few.
    const poorShare = p.community ? DEMO_POOR_SHARE * 0.25 : DEMO_POOR_SHARE * (0.3 + rr.next() * 1.6);
    const clan = rr.chance(0.6) ? randomSurname(rr) : null;
    for (let h = p.hhFrom; h < p.hhTo; h++) {
      const id = hhId0 + h;
      const tags = householdTags(rr, poorShare);
      const poor = isPoorTags(tags);
      const size = tags.includes('elderly_alone') || tags.includes('five_guarantees') ? 1 : householdSize(rr);
      const surname = clan && rr.chance(0.55) ? clan : randomSurname(rr);
      const headMale = rr.chance(0.82);
      const headAge = size === 1 ? rr.int(62, 90) : rr.int(30, 78);
      const headBirth = birth(headAge);
      const head = personName(rr, headMale ? 'male' : 'female', birthYear(headAge), surname);
      const phone = `1${rr.pick(['3', '5', '7', '8', '9'])}${String(rr.int(0, 999_999_999)).padStart(9, '0')}`;
      const hh: Hh = {
        id,
        place: pi,
        head,
        poor,
        people: size,
        phoneEnc: ctx.vault.encrypt(phone),
        phoneHash: ctx.vault.lookupHash(phone),
        phoneMasked: maskPhone(phone),
      };
      households.push(hh);
      const idNumber = makeIdNumber(c.county.regionCode, headBirth, (seq++ * 7) % 1000, headMale ? 'male' : 'female');
      const address = p.community
        ? `${p.stem}社区${rr.int(1, 30)}栋${rr.int(1, 4)}单元${rr.int(1, 6)}0${rr.int(1, 4)}`
        : `${p.stem}村${rr.int(1, 12)}组${rr.int(1, 80)}号`;
      hhRows.push([
        id,
        tenant,
        p.id,
        p.path,
        address,
        head,
        JSON.stringify(tags),
        poor ? 1 : 0,
        size,
        null,
        null,
        ...phoneValues(hh),
        ...stampValues(stamp),
      ]);
      resRows.push([
        resId0 + resRows.length,
        tenant,
        p.id,
        p.path,
        id,
        head,
        'head',
        headMale ? 'male' : 'female',
        headBirth,
        ctx.vault.encrypt(idNumber),
        ctx.vault.lookupHash(idNumber),
        `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
        ...phoneValues(hh),
        ...stampValues(stamp),
      ]);
      // The rest of the family: spouse, children, a parent, grandchildren.
      for (let k = 1; k < size; k++) {
        let relation: string;
        let age: number;
        let male: boolean;
        if (k === 1 && headAge >= 24 && rr.chance(0.85)) {
          relation = 'spouse';
          age = Math.max(20, headAge + rr.int(-4, 4));
          male = !headMale;
        } else if (k >= 4 && headAge >= 55) {
          relation = 'grandchild';
          age = rr.int(1, Math.max(2, headAge - 45));
          male = rr.chance(0.52);
        } else if (k === size - 1 && headAge < 55 && rr.chance(0.3)) {
          relation = 'parent';
          age = headAge + rr.int(22, 30);
          male = rr.chance(0.4);
        } else {
          relation = 'child';
          age = Math.max(0, headAge - rr.int(22, 34));
          male = rr.chance(0.52);
        }
        const name = personName(
          rr,
          male ? 'male' : 'female',
          birthYear(age),
          relation === 'spouse' || (relation === 'parent' && !male) ? undefined : surname,
        );
        resRows.push([
          resId0 + resRows.length,
          tenant,
          p.id,
          p.path,
          id,
          name,
          relation,
          male ? 'male' : 'female',
          birth(age),
          null,
          null,
          null,
          null,
          null,
          null,
          ...stampValues(stamp),
        ]);
      }
    }
  }
  return { grpId0, households, hhRows, resRows };
}
export type Households = Awaited<ReturnType<typeof loadHouseholds>>;

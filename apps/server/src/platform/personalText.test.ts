import { describe, expect, it } from 'vitest';
import {
  findPersonalNumbers,
  foldWidth,
  hasPersonalNumber,
  maskPersonalDeep,
  maskPersonalText,
} from './personalText.js';

// [text as typed, the masked text]
const POSITIVE: [string, string][] = [
  // The four forms from issue 10, and the plain one.
  ['+8613992582773', '139****2773'],
  ['139.9258.2773', '139****2773'],
  ['１３９９２５８２７７３', '139****2773'],
  ['110101 19900307 5955', '110101********5955'],
  ['13992582773', '139****2773'],
  // Mobiles in prose and with every separator.
  ['请联系张阿姨13992582773，谢谢', '请联系张阿姨139****2773，谢谢'],
  ['电话：139 9258 2773。', '电话：139****2773。'],
  ['电话139-9258-2773', '电话139****2773'],
  ['tel:139 - 9258 - 2773', 'tel:139****2773'],
  ['(139)9258 2773', '139****2773'],
  ['电话：（+86）139 9258 2773。', '电话：139****2773。'],
  ['+86 139 9258 2773', '139****2773'],
  ['0086-139-9258-2773', '139****2773'],
  ['86 13992582773', '139****2773'],
  ['１３９－９２５８－２７７３', '139****2773'],
  ['１３９　９２５８　２７７３', '139****2773'],
  ['１３９．９２５８．２７７３', '139****2773'],
  ['＋８６１３９９２５８２７７３', '139****2773'],
  ['1 3 9 9 2 5 8 2 7 7 3', '139****2773'],
  ['139/9258/2773', '139****2773'],
  ['139·9258·2773', '139****2773'],
  ['18612345678和15900001111', '186****5678和159****1111'],
  ['2026-12-04 13992582773 上门', '2026-12-04 139****2773 上门'],
  ['Call13992582773now', 'Call139****2773now'],
  // Landlines with an area code.
  ['010-62345678', '010****5678'],
  ['(0571) 8765-4321', '0571****4321'],
  ['座机0571-87654321转', '座机0571****4321转'],
  ['029 8888 6666', '029****6666'],
  ['０２１－６２３４５６７８', '021****5678'],
  // ID numbers: valid check digit, an X, a typo in the check digit, first generation, full-width.
  ['110101199003075955', '110101********5955'],
  ['身份证号110101 1990 0307 5955。', '身份证号110101********5955。'],
  ['110101-19900307-5955', '110101********5955'],
  ['11010119900307595X号', '110101********595X号'],
  ['11010119900307595x', '110101********595X'],
  ['110101199003075950', '110101********5950'],
  ['１１０１０１１９９００３０７５９５５', '110101********5955'],
  ['440304851212341', '440304*****2341'],
  ['身份证：440304 851212 341', '身份证：440304*****2341'],
];

const NEGATIVE: string[] = [
  // Hashes and tokens: digits inside a long run of letters and digits are not a typed number.
  '6e0b13912345678a9f0c2d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b',
  'session-ab13992582773cd9f0e1a2b3c4',
  '2026-12-04',
  '2026年12月4日上午9:30在村委会召开会议',
  '2026.12.04—2027.01.15',
  '3号楼2单元501',
  '5栋1203室',
  '共走访13户，发放慰问金1,380.50元，另补助2000元',
  '人均收入12,345.67元，同比增长13.5%',
  '会议于19:30开始，应到35人，实到33人',
  '1990-2000年间共有12人',
  '订单号 202612041399258277312',
  '20261204153000',
  '88886666',
  '12345678901',
  '10010',
  '123456789012345678',
  '999999199003075955',
  '110101199013405955',
  '第13、15、17组',
  '邮编710061',
  '2026-12-04 15:30 至 2026-12-05 17:00',
  '身份证后四位5955',
  '139****2773',
  '110101********5955',
  '',
];

describe('findPersonalNumbers / maskPersonalText', () => {
  it.each(POSITIVE)('masks %j', (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
    expect(findPersonalNumbers(masked)).toEqual([]);
    // Masking twice changes nothing.
    expect(maskPersonalText(masked)).toBe(masked);
  });

  it.each(NEGATIVE)('leaves %j alone', (text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
    expect(maskPersonalText(text)).toBe(text);
  });

  it('reports spans over the original text, with kind and plain digits', () => {
    const text = '王大爷电话＋８６ 139-9258-2773，身份证110101 19900307 5955，座机010-62345678';
    const spans = findPersonalNumbers(text);
    expect(spans.map((s) => s.kind)).toEqual(['mobile', 'id', 'landline']);
    expect(spans.map((s) => s.digits)).toEqual(['13992582773', '110101199003075955', '01062345678']);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('＋８６ 139-9258-2773');
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe('110101 19900307 5955');
    expect(text.slice(spans[2]!.start, spans[2]!.end)).toBe('010-62345678');
  });

  it('does not join groups across a line break or more than three separators', () => {
    expect(findPersonalNumbers('139\n9258\n2773')).toEqual([]);
    expect(findPersonalNumbers('139    9258    2773')).toEqual([]);
  });

  it('folds full-width forms one unit for one unit', () => {
    expect(foldWidth('１３９　－（）．Ｘ')).toBe('139 -().X');
    expect(hasPersonalNumber('１３９９２５８２７７３')).toBe(true);
    expect(hasPersonalNumber(null)).toBe(false);
  });

  it('masks every string of a nested value and keeps the rest', () => {
    const v = { a: '电话13992582773', b: [1, '110101199003075955', null], c: { d: true, e: 'plain' } };
    expect(maskPersonalDeep(v)).toEqual({
      a: '电话139****2773',
      b: [1, '110101********5955', null],
      c: { d: true, e: 'plain' },
    });
    expect(v.a).toBe('电话13992582773');
  });
});

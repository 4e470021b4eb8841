// Builds an import roster (.xlsx) of N valid, unique members for the import benchmark.
// ID numbers: region 440305 (Shenzhen Nanshan; the demo counties use 43 9x xx, so no collisions),
// real birth dates, 17th digit odd for 男 / even for 女, GB 11643 MOD 11-2 check character.
import ExcelJS from 'exceljs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function makeIdNumber(region, birthDate, seq, male) {
  // seq 0..499 → three digits whose last digit has the parity of the sex
  const n = seq * 2 + (male ? 1 : 0);
  const body = `${region}${birthDate.replaceAll('-', '')}${String(n).padStart(3, '0')}`;
  if (body.length !== 17) throw new Error(`bad ID body ${body}`);
  return body + idCheckDigit(body);
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅丹玉兰春梅晓东振华文博宇航欣怡子涵浩然俊杰雨萱梓涵一鸣思远嘉怡';
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '土家族', '苗族', '侗族'];
const EDUCATIONS = ['小学及以下', '初中', '高中、中专', '大专', '大学本科', '研究生'];
const CATEGORIES = [
  '农牧渔民',
  '工人',
  '党政机关工作人员',
  '事业单位人员',
  '企业管理和专业技术人员',
  '离退休人员',
  '其他',
];

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The rows as plain objects keyed by the roster column headers. */
export function rosterRows(count, orgIds, { today = new Date() } = {}) {
  const rows = [];
  const start = Date.UTC(1955, 0, 1);
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const latestBirth = todayMs - 26 * 365 * DAY; // old enough to have joined at 18+ and be a full member
  const spanDays = Math.floor((latestBirth - start) / DAY);
  for (let i = 0; i < count; i++) {
    const male = i % 3 !== 0;
    const birthMs = start + (i % spanDays) * DAY;
    const seq = Math.floor(i / spanDays); // (birth date, seq, sex) is unique per row
    const birthDate = iso(birthMs);
    const joinedMs = birthMs + (20 + (i % 5)) * 365 * DAY + (i % 200) * DAY;
    const joinedAt = iso(Math.min(joinedMs, todayMs - 400 * DAY));
    const fullAt = iso(Date.parse(joinedAt) + 366 * DAY);
    const s = SURNAMES[i % SURNAMES.length];
    const g1 = GIVEN[(i * 7) % GIVEN.length];
    const g2 = i % 2 ? GIVEN[(i * 13 + 5) % GIVEN.length] : '';
    rows.push({
      姓名: s + g1 + g2,
      性别: male ? '男' : '女',
      身份证号码: makeIdNumber('440305', birthDate, seq, male),
      所在党组织编号: orgIds[i % orgIds.length],
      入党时间: joinedAt,
      转正时间: fullAt,
      党员状态: '正式党员',
      手机号码: `13${String(800000000 + i).padStart(9, '0')}`,
      民族: ETHNICITIES[i % ETHNICITIES.length],
      学历: EDUCATIONS[i % EDUCATIONS.length],
      人员类别: CATEGORIES[i % CATEGORIES.length],
    });
  }
  return rows;
}

/** The .xlsx bytes: the header row as given (e.g. read from the server's template), then the rows. */
export async function rosterXlsx(headers, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h.replace(/\*$/, '')] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header row of the server's import template (.xlsx bytes). */
export async function templateHeaders(buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const values = wb.worksheets[0].getRow(1).values; // 1-based
  return values.slice(1).map((v) => String(v ?? '').trim());
}

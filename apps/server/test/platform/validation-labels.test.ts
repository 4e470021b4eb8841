/**
 * A refusal names the field in words (zh/en), never as a schema path ("0,name", "/body/name"), and carries the
 * field's path for the form; every field of every route has a name in words; the one phone rule (a mobile, or a
 * landline where one is normal) holds on the server as in the contracts the web imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactPhone, excerpt, FIELD_LABELS, LABEL_KEYWORD, maskPhone, normalizeLandline } from '@dangjian/contracts';
import { dialects, type Client, type Fixture, type TestEnv } from '../harness.js';
import { openCounty, requestBody } from '../residents/fixtures.js';

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  [LABEL_KEYWORD]?: unknown;
};

/** The raw paths a person must never read in a message. */
const RAW = /\d+,\s*\w|\/residents|\/body|instancePath|must|NOT|#\//;

describe('the phone rule (contracts, shared with the web)', () => {
  it('accepts a mobile everywhere and a landline only where one is normal', () => {
    expect(contactPhone('138 1234 5678', false)).toBe('13812345678');
    expect(contactPhone('+86 138-1234-5678', true)).toBe('13812345678');
    expect(contactPhone('0571-88889999', false)).toBeNull();
    expect(contactPhone('0571-88889999', true)).toBe('0571-88889999');
    expect(contactPhone('010-65123456', true)).toBe('010-65123456');
    expect(contactPhone('(0571)88889999', true)).toBe('0571-88889999');
    expect(contactPhone('0571－88889999', true)).toBe('0571-88889999');
    expect(contactPhone('057188889999', true)).toBe('0571-88889999');
    expect(contactPhone('0571-88889999-123', true)).toBe('0571-88889999-123');
    expect(contactPhone('0571-88889999转8', true)).toBe('0571-88889999-8');
    expect(contactPhone('021 58886666', true)).toBe('021-58886666');
  });

  it('refuses what is neither', () => {
    for (const bad of ['88889999', '0571-1888999', '12812345678', '0571-888899991234567', 'abc', '0000-88889999'])
      expect(contactPhone(bad, true), bad).toBeNull();
    expect(normalizeLandline('1381234567')).toBeNull();
  });

  it('masks a landline keeping its area code and last four digits', () => {
    expect(maskPhone('0571-88889999')).toBe('0571-****9999');
    expect(maskPhone('010-6512345')).toBe('010-***2345');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('no text box of the web cuts what is typed or pasted', () => {
  // A box's own maxLength cuts silently; a form's Field counts its `max` instead. These few keep one: short codes
  // typed digit by digit (a sign-in code, a mobile to send it to, a period like 2026-05), a search box, and the
  // workflow bar's note, whose maxLength its Field turns into a counted limit.
  const ALLOWED = new Set([
    'areas/residents/wishes/phone/ResidentSignIn.tsx:11',
    'areas/residents/wishes/phone/ResidentSignIn.tsx:6',
    'areas/life/meetings/phone/MeetingPages.tsx:6',
    'areas/residents/evaluations/EvaluationModal.tsx:7',
    'components/list/ListFilters.tsx:f.maxLength',
    'components/WorkflowActionBar.tsx:2000',
  ]);
  const root = path.resolve(import.meta.dirname, '../../../web/src');

  it('has no maxLength on a text box but the few short codes', () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith('.tsx'))
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/maxLength=\{([^}]+)\}/g))
            found.push(`${path.relative(root, full).split(path.sep).join('/')}:${m[1]}`);
      }
    };
    walk(root);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => !ALLOWED.has(f))).toEqual([]);
  });
});

describe('a summary says when it is cut', () => {
  it('marks a shortened text with an ellipsis and leaves a short one whole', () => {
    expect(excerpt('村口道路破损', 60)).toBe('村口道路破损');
    const long = '路'.repeat(70);
    expect(excerpt(long, 60)).toBe(`${'路'.repeat(59)}…`);
    expect([...excerpt(long, 60)]).toHaveLength(60);
  });
});

describe.each(dialects())('refusals in words and landlines on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let sec: Client;
  beforeAll(async () => {
    ({ env, fx, sec } = await openCounty(dialect));
  });
  afterAll(() => env.close());

  const household = (over: Record<string, unknown> = {}) => ({
    orgId: fx.villageA1,
    address: '东村三组12号',
    headName: '孙大',
    tags: [],
    residents: [{ name: '孙大', relation: 'head' }],
    ...over,
  });

  it('names an over-long resident name in words, with its path for the form', async () => {
    const res = await sec.post(
      '/api/households',
      household({ residents: [{ name: '名'.repeat(45), relation: 'head' }] }),
    );
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation');
    expect(error.message).toBe('家庭成员（第1项）姓名最多40个字符，现有45个');
    expect(error.message).not.toMatch(RAW);
    expect(error.details.fields).toEqual([
      expect.objectContaining({
        field: 'name',
        path: ['residents', 0, 'name'],
        label: '家庭成员（第1项）姓名',
        keyword: 'maxLength',
      }),
    ]);
    const en = await sec.request('POST', '/api/households', household({ residents: [{ name: '名'.repeat(45) }] }), {
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toMatch(/^Residents \(#1\) (name: at most 40 characters|relation is required)/);
    expect(en.json().error.message).not.toMatch(RAW);
  });

  it('says each refused field of a body, a query and a path in words', async () => {
    const wish = {
      orgId: fx.villageA1,
      kind: 'wish',
      title: '路'.repeat(70),
      description: '村口的路灯坏了',
    };
    const long = (await sec.post('/api/wishes', wish)).json().error;
    expect(long.message).toBe('标题最多60个字符，现有70个');
    expect(long.details.fields[0]).toMatchObject({ field: 'title', path: ['title'], label: '标题' });

    const { title: _t, ...untitled } = wish;
    expect((await sec.post('/api/wishes', untitled)).json().error.message).toBe('请填写标题');
    expect((await sec.post('/api/wishes', { ...wish, title: '' })).json().error.message).toBe('请填写标题');
    expect((await sec.post('/api/wishes', { ...wish, title: '路灯', kind: 'nope' })).json().error.message).toBe(
      '类型不是可选的值',
    );
    const extra = (await sec.post('/api/wishes', { ...wish, title: '路灯', secret: 1 })).json().error;
    expect(extra.message).toBe('某项内容不是此表单的内容');

    const topic = '议'.repeat(250);
    const held = { orgId: fx.villageA1, kind: 'general_meeting', heldOn: '2026-01-05', startTime: '09:00', topic };
    const meeting = (await sec.post('/api/meetings', held)).json().error;
    expect(meeting.message).toBe('会议议题最多200个字符，现有250个');
    expect(meeting.message).not.toMatch(RAW);

    const page = (await sec.get('/api/households?page=abc')).json().error;
    expect(page.message).toBe('页码格式不正确');
    expect(page.details).toMatchObject({ part: 'querystring', fields: [{ field: 'page', path: ['page'] }] });
    const org = (await sec.request('PATCH', '/api/orgs/1', { name: '组'.repeat(90) })).json().error;
    expect(org.message).toBe('组织名称最多80个字符，现有90个');
  });

  it('saves a household whose contact is a landline; a resident’s mobile stays a mobile', async () => {
    const res = await sec.post('/api/households', household({ phone: '0571-88889999' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('0571-****9999');
    const id = res.json().id as number;
    const found = (await sec.get(`/api/households?q=${encodeURIComponent('0571 88889999')}`)).json();
    expect(found.items.map((h: { id: number }) => h.id)).toEqual([id]);
    const revealed = await sec.post(`/api/households/${id}/reveal`, { fields: ['phone'] });
    expect(revealed.json().phone).toBe('0571-88889999');

    const residentLandline = await sec.post(
      '/api/households',
      household({ residents: [{ name: '孙大', relation: 'head', phone: '0571-88889999' }] }),
    );
    expect(residentLandline.statusCode).toBe(400);
    expect(residentLandline.json().error.code).toBe('residents.invalid_phone');

    const wrong = await sec.post('/api/households', household({ phone: '0571-1234' }));
    expect(wrong.json().error).toMatchObject({ code: 'residents.invalid_contact_phone', details: { field: 'phone' } });

    const request = await sec.post('/api/requests', requestBody(fx.villageA1, { phone: '0571-88886666' }));
    expect(request.statusCode).toBe(200);
    expect(request.json().phone).toBe('0571-****6666');
  });

  it('every field of every route has a name in words', () => {
    const doc = env.app.swagger() as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown }>>;
    };
    const missing = new Set<string>();
    const walk = (s: Schema | undefined, depth = 0): void => {
      if (!s || depth > 8) return;
      for (const [key, p] of Object.entries(s.properties ?? {})) {
        const own = [p, ...(p.anyOf ?? []), ...(p.oneOf ?? [])].some((b) => b[LABEL_KEYWORD]);
        if (!own && !FIELD_LABELS[key]) missing.add(key);
        walk(p, depth + 1);
      }
      walk(s.items, depth + 1);
      for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(b, depth + 1);
    };
    let operations = 0;
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) {
        operations++;
        for (const p of op.parameters ?? []) if (!FIELD_LABELS[p.name]) missing.add(p.name);
        const body = op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
        for (const c of Object.values(body?.content ?? {})) walk(c.schema);
      }
    expect(operations).toBeGreaterThan(100);
    expect([...missing].sort()).toEqual([]);
  });
});

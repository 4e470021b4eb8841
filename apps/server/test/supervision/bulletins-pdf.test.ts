/**
 * A bulletin's PDF, rendered by the installed Chromium: it answers `application/pdf`, its text (extracted with
 * unpdf) holds the title and a number from the records, and an issued bulletin's PDF is stored and served again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects().slice(0, 1))('bulletin PDF on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;

  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
  });
  afterAll(() => env.close());

  it('renders the title and the numbers to a PDF, stored once issued', { timeout: 60_000 }, async () => {
    const b = (await county.post('/api/bulletins', { orgId: fx.county, kind: 'quarterly', period: '2026-Q2' })).json();
    const issued = (await county.post(`/api/bulletins/${b.id}/issue`)).json();
    const res = await county.get(`/api/bulletins/${b.id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(doc, { mergePages: true });
    // The PDF's fonts map a few ideographs to their Kangxi radical forms (⼯ for 工): NFKC folds them back.
    const flat = (text as string).normalize('NFKC').replace(/\s+/g, '');
    expect(flat).toContain(b.title);
    expect(flat).toContain(issued.numberLabel);
    const required = b.content.sections
      .find((s: any) => s.key === 'meetings')
      .figures.find((f: any) => f.key === 'required');
    expect(flat).toContain(`应开展组织生活${required.value}次`);
    // Stored under the data folder, and served from there the second time.
    const stored = path.join(env.dataDir, 'uploads', 'bulletins');
    expect(fs.readdirSync(stored).some((f) => f.endsWith(`-${b.id}-issued.pdf`))).toBe(true);
    const again = await county.get(`/api/bulletins/${b.id}/pdf`);
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
  });
});

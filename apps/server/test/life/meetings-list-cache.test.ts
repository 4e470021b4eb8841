/**
 * The meeting list keeps its pages under the data versions they were read from (issue 16): a write shows at once, and
 * a long list read along the order index (`scoped(…, { wide })`) answers the same rows in the same order.
 */
import { describe, expect, it } from 'vitest';
import { bumpVersion } from '../../src/platform/data/versions.js';
import { dialects } from '../harness.js';
import { meetingsEnv, multipart, pngWithMetadata } from './meetings-kit.js';

interface Item {
  id: number;
  topic: string;
  heldOn: string;
  startTime: string;
  photoCount: number;
}

describe.each(dialects())('the cached meeting list on %s', (dialect) => {
  const me = meetingsEnv(dialect);
  const listed = async (url: string) => (await me.sec.get(url)).json() as { items: Item[]; total: number };

  it('shows a new photo, its removal and an edit at once, though the page was read before', async () => {
    const topic = '缓存检查：主题党日';
    const m = (await me.sec.post('/api/meetings', me.meeting({ kind: 'theme_day', topic }))).json();
    const url = '/api/meetings?kind=theme_day&pageSize=50';
    const find = async () => (await listed(url)).items.find((i) => i.id === m.id)!;
    expect((await find()).photoCount).toBe(0);
    const up = multipart(pngWithMetadata(), 'photo.png', 'image/png');
    const added = await me.sec.request('POST', `/api/meetings/${m.id}/photos`, up.body, { headers: up.headers });
    expect(added.statusCode, added.body).toBe(200);
    expect((await find()).photoCount).toBe(1);
    const removed = await me.sec.request('DELETE', `/api/meetings/${m.id}/photos/${added.json().id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await find()).photoCount).toBe(0);
    const edited = await me.sec.patch(`/api/meetings/${m.id}`, { topic: `${topic}（改）` });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await find()).topic).toBe(`${topic}（改）`);
    const before = (await listed(url)).total;
    expect((await me.sec.delete(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await listed(url)).total).toBe(before - 1);
  });

  it('reads a long list along the order index with the same rows and order as a sort of the subtree', async () => {
    const { db } = me.env.ctx;
    const template = (await me.sec.post('/api/meetings', me.meeting({ kind: 'party_lecture', topic: '党课' }))).json();
    const row = await db.selectFrom('meetings').selectAll().where('id', '=', template.id).executeTakeFirstOrThrow();
    const { id: _id, ...cols } = row;
    // 520 lectures over two years, several a day at different hours: past the list's threshold for the index walk.
    const rows = Array.from({ length: 520 }, (_, i) => ({
      ...cols,
      topic: `党课${i}`,
      held_on: `202${4 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      start_time: `${String(8 + (i % 3) * 4).padStart(2, '0')}:00`,
    }));
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('meetings')
        .values(rows.slice(i, i + 100))
        .execute();
    await bumpVersion(db, me.fx.county, 'meetings'); // written behind the service's back: say so
    const all = await db
      .selectFrom('meetings')
      .select(['id', 'held_on', 'start_time'])
      .where('kind', '=', 'party_lecture')
      .where('tenant_id', '=', me.fx.county)
      .where('deleted_at', 'is', null)
      .execute();
    const order = [...all]
      .sort((a, b) =>
        a.held_on !== b.held_on
          ? b.held_on.localeCompare(a.held_on)
          : a.start_time !== b.start_time
            ? (b.start_time ?? '').localeCompare(a.start_time ?? '')
            : b.id - a.id,
      )
      .map((r) => r.id);
    const first = await listed('/api/meetings?kind=party_lecture&pageSize=20');
    expect(first.total).toBe(all.length);
    const third = await listed('/api/meetings?kind=party_lecture&pageSize=20&page=3');
    expect(first.items.map((i) => i.id)).toEqual(order.slice(0, 20));
    expect(third.items.map((i) => i.id)).toEqual(order.slice(40, 60));
    // Without a kind the walk goes along meetings_order: still newest first.
    const any = await listed('/api/meetings?pageSize=20');
    expect(any.items.every((i, k) => k === 0 || any.items[k - 1].heldOn >= i.heldOn)).toBe(true);
  });
});

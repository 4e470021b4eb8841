/** The meetings list: newest day first, and the meetings of one day by their start time, whatever the entry order. */
import { describe, expect, it } from 'vitest';
import { dialects } from '../harness.js';
import { meetingsEnv } from './meetings-kit.js';

describe.each(dialects())('the order of the meetings list on %s', (dialect) => {
  const me = meetingsEnv(dialect);

  it('lists the meetings of a day by start time, the later first like the days, not by entry order', async () => {
    const day = '2026-06-03';
    const ids: Record<string, number> = {};
    // Entered out of order: afternoon, morning, evening; then one of the day before, late at night.
    for (const [startTime, topic] of [
      ['14:30', '下午'],
      ['08:30', '上午'],
      ['19:00', '晚上'],
    ] as const) {
      const res = await me.sec.post('/api/meetings', me.meeting({ heldOn: day, startTime, endTime: null, topic }));
      expect(res.statusCode, res.body).toBe(200);
      ids[topic] = res.json().id;
    }
    const before = (
      await me.sec.post('/api/meetings', me.meeting({ heldOn: '2026-06-02', startTime: '21:00', endTime: null }))
    ).json();
    const list = (await me.sec.get('/api/meetings?from=2026-06-02&to=2026-06-03&pageSize=50')).json();
    const got = list.items.map((i: { id: number; heldOn: string; startTime: string }) => i.id);
    expect(got).toEqual([ids['晚上'], ids['下午'], ids['上午'], before.id]);
    // Page by page the same order: the second page starts where the first ended.
    const p1 = (await me.sec.get('/api/meetings?from=2026-06-02&to=2026-06-03&pageSize=2&page=1')).json();
    const p2 = (await me.sec.get('/api/meetings?from=2026-06-02&to=2026-06-03&pageSize=2&page=2')).json();
    expect([...p1.items, ...p2.items].map((i: { id: number }) => i.id)).toEqual(got);
  });
});

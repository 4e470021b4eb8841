// Member points (积分制, issue 12): the branch records a manual entry that the township approves; the member
// disputes it on the phone before the month is published; the secretary answers (upheld: a reversing entry) and
// publishes the month, which is frozen from then on.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today in China. */
const chinaDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('member points', () => {
  it('a member disputes an entry on the phone, the secretary answers and publishes the month', async () => {
    const branch = await apiLogin('demo-branch');
    const member = await apiLogin('demo-member');
    const township = await apiLogin('demo-township');
    const today = chinaDay();
    const month = today.slice(0, 7);
    const note = `端到端志愿服务 ${Date.now() % 100000}`;
    const entry = await branch.json<{ id: number }>('POST', '/api/points', {
      memberId: member.user.memberId,
      kind: 'volunteer',
      points: 2,
      occurredOn: today,
      note,
      evidence: '社区签到表',
    });
    await branch.json('POST', `/api/points/${entry.id}/branch-approve`, {});
    await township.json('POST', `/api/points/${entry.id}/approve`, {});

    // The member, on the phone, disputes the entry.
    const m = await signedInContext(browser, 'demo-member', PHONE);
    try {
      await m.page.goto(`${baseUrl()}/m/points`);
      await m.page.getByTestId('m-points-summary').waitFor({ timeout: 30_000 });
      const card = m.page.getByTestId('m-point-entry').filter({ hasText: note });
      await card.getByTestId('m-point-dispute-open').click();
      await card.getByTestId('m-point-dispute-reason').fill('当天我在外地，没有参加这次志愿服务');
      await settle(m.page);
      await shot(m.page, 'points-phone-dispute');
      await card.getByTestId('m-point-dispute-send').click();
      await expect
        .poll(() => card.getByTestId('m-point-dispute').textContent(), { timeout: 15_000 })
        .toContain('待答复');
      await settle(m.page);
      await shot(m.page, 'points-phone-disputed');
      expect(pageErrors.get(m.page) ?? []).toEqual([]);
    } finally {
      await m.context.close();
    }

    // The secretary answers the dispute: upheld, the entry is reversed.
    const s = await signedInContext(browser, 'demo-branch');
    try {
      await s.page.goto(`${baseUrl()}/points/${entry.id}`);
      await s.page.getByTestId('point-answer').click();
      await s.page.getByTestId('point-answer-text').fill('经核实异议成立，予以冲正');
      await settle(s.page);
      await shot(s.page, 'points-answer');
      await s.page.getByTestId('point-answer-ok').click();
      await expect
        .poll(() => s.page.getByTestId('point-dispute').textContent(), { timeout: 15_000 })
        .toContain('异议成立');
      // Other open disputes of the branch's month (the demo's) are answered first, then the month is published.
      const open = await branch.json<{ items: { id: number }[] }>(
        'GET',
        `/api/points?disputed=true&month=${month}&pageSize=100`,
      );
      for (const e of open.items)
        await branch.json('POST', `/api/points/${e.id}/answer`, { upheld: false, answer: '按规则计分' });
      await s.page.goto(`${baseUrl()}/points`);
      await s.page.getByTestId('points-total').waitFor({ timeout: 30_000 });
      await settle(s.page);
      await shot(s.page, 'points-ledger');
      await s.page.getByTestId('points-publish').click();
      await s.page.getByTestId('points-publish-month').click();
      await s.page.locator(`.ant-select-item-option[title="${month}"]`).click();
      await s.page.getByText('公示后该月积分冻结').waitFor({ timeout: 15_000 });
      await s.page.getByTestId('points-publish-ok').click();
      await s.page.getByText('公示', { exact: false }).filter({ hasText: '已于' }).waitFor({ timeout: 15_000 });
      await settle(s.page);
      await shot(s.page, 'points-published');
      expect(pageErrors.get(s.page) ?? []).toEqual([]);
    } finally {
      await s.context.close();
    }
    // Frozen: the member can no longer dispute an entry of the month.
    const again = await member.fetch('POST', `/api/points/${entry.id}/dispute`, { reason: '再提' });
    expect(again.status).toBe(409);
  });
});

/** Routes of bulletins (通报、简报). Thin: the service holds the rules. */
import {
  BulletinCreate,
  BulletinDetail,
  BulletinList,
  BulletinListQuery,
  BulletinUpdate,
  BulletinWithdraw,
  IdParams,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, type RouteModule, sendXlsx } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as files from './bulletins.export.js';
import { closeBrowser } from './bulletins.pdf.js';
import * as bulletins from './bulletins.service.js';

export const bulletinsRoutes: RouteModule = (app, ctx) => {
  app.addHook('onClose', () => closeBrowser());
  const r = routesOf(app, { tags: ['bulletins'] });
  crudRoutes(r, ctx, bulletins, {
    url: '/api/bulletins',
    read: 'bulletins.read',
    write: 'bulletins.write',
    audit: 'bulletin',
    item: BulletinDetail,
    list: {
      summary: '通报简报（筛选类型、状态、年度，按标题搜索）Bulletins',
      query: BulletinListQuery,
      response: BulletinList,
    },
    get: '通报简报详情（各栏目数据及其来源）A bulletin with its sections and their sources',
    create: { summary: '生成通报简报草稿 Generate a draft from the records', body: BulletinCreate },
    remove: '删除通报简报草稿（可恢复）Soft delete a draft',
    restore: '恢复通报简报草稿 Restore a draft',
  });
  const one = { params: IdParams, response: BulletinDetail } as const;
  r.put(
    '/api/bulletins/:id',
    {
      ...one,
      can: 'bulletins.write',
      audit: 'bulletin.update',
      summary: '编辑草稿（标题、导语、结语、栏目顺序）Edit a draft',
      body: BulletinUpdate,
    },
    (req) => bulletins.update(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/bulletins/:id/regenerate',
    { ...one, can: 'bulletins.write', audit: 'bulletin.regenerate', summary: '按最新数据重新生成草稿 Regenerate' },
    (req) => bulletins.regenerate(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/bulletins/:id/issue',
    {
      ...one,
      can: 'bulletins.write',
      audit: 'bulletin.issue',
      summary: '印发（内容固定并编号）Issue: freeze and number',
    },
    (req) => bulletins.issue(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/bulletins/:id/withdraw',
    {
      ...one,
      can: 'bulletins.write',
      audit: 'bulletin.withdraw',
      summary: '撤回已印发的通报（说明理由）Withdraw with a reason',
      body: BulletinWithdraw,
    },
    (req) => bulletins.withdraw(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.get(
    '/api/bulletins/:id/pdf',
    { can: 'bulletins.read', params: IdParams, summary: '通报简报 PDF（A4）The bulletin as a PDF' },
    async (req, reply) => {
      const f = await files.pdf(ctx, actorOf(req), req.params.id);
      const name = encodeURIComponent(f.name);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${name}`)
        .send(f.buffer);
    },
  );
  r.get(
    '/api/bulletins/:id/xlsx',
    { can: 'bulletins.read', params: IdParams, summary: '通报简报 Excel（每个栏目一张表）The bulletin as Excel' },
    async (req, reply) => {
      const f = await files.xlsx(ctx, actorOf(req), req.params.id);
      return sendXlsx(reply, f.buffer, f.name);
    },
  );
};

/** Routes of the learning lists (夜学, `/api/learning`). Thin: the service holds the rules. */
import {
  IdParams,
  LearningCreate,
  LearningDetail,
  LearningHoldCreate,
  LearningHoldParams,
  LearningList,
  LearningListQuery,
  LearningMeetingOptions,
  LearningMine,
  LearningProgress,
  LearningProgressQuery,
  LearningUpdate,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './learning.figures.js';
import * as learning from './learning.service.js';

export const learningRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['learning'] });
  r.get(
    '/api/learning/progress',
    {
      can: 'learning.read',
      summary: '学习清单落实情况 Progress of the lists',
      query: LearningProgressQuery,
      response: LearningProgress,
    },
    (req) => figures.progress(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/learning/progress/export',
    { can: 'learning.read', summary: '学习清单落实情况导出 As Excel', query: LearningProgressQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.progressXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `学习清单落实情况-${req.query.year}.xlsx`,
      ),
  );
  r.get(
    '/api/learning/mine',
    { can: 'learning.read', summary: '本月学习清单（党员）This month’s items of my branch', response: LearningMine },
    (req) => learning.mine(ctx, actorOf(req)),
  );
  crudRoutes(r, ctx, learning, {
    url: '/api/learning',
    read: 'learning.read',
    write: 'learning.write',
    audit: 'learning',
    item: LearningDetail,
    list: { summary: '学习清单 Learning lists', query: LearningListQuery, response: LearningList },
    get: '学习清单条目及各支部落实情况 An item with its holdings',
    create: { summary: '制定学习清单条目（县、乡镇）Set an item', body: LearningCreate },
    patch: { summary: '修改学习清单条目 Change an item', body: LearningUpdate },
    remove: '删除误设的条目（可恢复）Soft delete',
    restore: '恢复条目 Restore',
  });
  r.get(
    '/api/learning/:id/meetings',
    {
      can: 'learning.hold',
      summary: '本支部该月已召开的会议 Meetings of the month to link',
      params: IdParams,
      response: LearningMeetingOptions,
    },
    (req) => learning.meetingOptions(ctx, actorOf(req), req.params.id),
  );
  const hold = { can: 'learning.hold', response: LearningDetail } as const;
  r.post(
    '/api/learning/:id/holds',
    {
      ...hold,
      audit: 'learning.hold',
      summary: '登记支部落实（关联会议或集中学习）Hold an item',
      params: IdParams,
      body: LearningHoldCreate,
    },
    (req) => learning.hold(ctx, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/learning/:id/holds/:holdId',
    { ...hold, audit: 'learning.unhold', summary: '撤销落实登记（可恢复）Withdraw', params: LearningHoldParams },
    (req) => learning.unhold(ctx, actorOf(req), req.params.id, req.params.holdId),
  );
  r.post(
    '/api/learning/:id/holds/:holdId/restore',
    { ...hold, audit: 'learning.rehold', summary: '恢复落实登记 Restore', params: LearningHoldParams },
    (req) => learning.rehold(ctx, actorOf(req), req.params.id, req.params.holdId),
  );
};

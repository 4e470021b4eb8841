/** The caller's notification centre. */
import { IdParams, NotificationList, NotificationQuery, Ok } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import * as notifications from './notifications.service.js';

export const notificationsRoutes: RouteModule = (app, ctx) => {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的消息 My notifications',
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => notifications.list(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: '标为已读 Mark read', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await notifications.markRead(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: '全部已读 Mark all read',
        response: { 200: Type.Object({ ok: Type.Boolean(), count: Type.Integer() }) },
      },
    },
    async (req) => ({
      ok: true,
      count: await notifications.markAllRead(ctx, actorOf(req)),
    }),
  );
};

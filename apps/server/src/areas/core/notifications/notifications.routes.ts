/** The caller's notification centre. */
import { IdParams, NotificationList, NotificationQuery, Ok } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as notifications from './notifications.service.js';

export const notificationsRoutes: RouteModule = (app, ctx) => {
  const tags = ['notifications'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/notifications',
    capability: 'signed_in',
    schema: {
      tags,
      summary: '我的消息 My notifications',
      querystring: NotificationQuery,
      response: { 200: NotificationList },
    },
    handler: async (req) => notifications.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    capability: 'signed_in',
    schema: { tags, summary: '标为已读 Mark read', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await notifications.markRead(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/notifications/read-all',
    capability: 'signed_in',
    schema: {
      tags,
      summary: '全部已读 Mark all read',
      response: { 200: Type.Object({ ok: Type.Boolean(), count: Type.Integer() }) },
    },
    handler: async (req) => ({
      ok: true,
      count: await notifications.markAllRead(ctx, actorOf(req)),
    }),
  });
};

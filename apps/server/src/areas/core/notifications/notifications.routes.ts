/** The caller's notification centre. */
import { IdParams, NotificationList, NotificationQuery, Ok } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { ok, routesOf } from '../../../platform/router.js';
import * as notifications from './notifications.service.js';

export const notificationsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['notifications'] });
  const can = 'signed_in';
  r.get(
    '/api/notifications',
    { can, summary: '我的消息 My notifications', query: NotificationQuery, response: NotificationList },
    (req) => notifications.list(ctx, actorOf(req), req.query),
  );
  r.post('/api/notifications/:id/read', { can, summary: '标为已读 Mark read', params: IdParams, response: Ok }, (req) =>
    ok(notifications.markRead(ctx, actorOf(req), req.params.id)),
  );
  const Marked = Type.Object({ ok: Type.Boolean(), count: Type.Integer() });
  r.post('/api/notifications/read-all', { can, summary: '全部已读 Mark all read', response: Marked }, async (req) => ({
    ok: true,
    count: await notifications.markAllRead(ctx, actorOf(req)),
  }));
};

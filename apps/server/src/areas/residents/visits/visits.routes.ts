/** Routes of visits (走访) and their photos. Thin: the service holds the rules. */
import {
  Visit,
  VisitCreate,
  VisitList,
  VisitListQuery,
  VisitPatch,
  VisitQuotaQuery,
  VisitQuotas,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as visits from './visits.service.js';

const VisitDetail = Type.Composite([
  Visit,
  Type.Object({
    photoList: Type.Array(
      Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() }),
    ),
  }),
]);

export const visitsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['visits'] });
  crudRoutes(r, ctx, visits, {
    url: '/api/visits',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'visit',
    item: VisitDetail,
    list: { summary: '走访记录 Visits of a subtree', query: VisitListQuery, response: VisitList },
    get: '走访详情 Visit',
    create: { summary: '录入走访（可同时受理诉求）Record a visit', body: VisitCreate },
    patch: { summary: '修改走访 Edit a visit', body: VisitPatch },
    remove: '删除走访（可恢复）Soft delete',
    restore: '恢复走访 Restore',
  });
  r.get(
    '/api/visits/quotas',
    {
      can: 'residents.read',
      summary: '走访任务完成情况 Visit quotas: villages of a quarter, township cadres of a week',
      query: VisitQuotaQuery,
      response: VisitQuotas,
    },
    (req) => visits.quotas(ctx, actorOf(req), req.query),
  );
  photoRoutes(r, ctx, visits, {
    url: '/api/visits',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'visit',
    upload: '上传走访照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '走访照片 Photo',
  });
};

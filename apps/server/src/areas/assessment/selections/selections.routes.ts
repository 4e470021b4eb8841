/** Routes of selections (评选表彰, `/api/selections`). Thin: the service holds the rules. */
import {
  Ballot,
  BallotCast,
  IdParams,
  NominationCreate,
  NominationReview,
  SelectionCount,
  SelectionCreate,
  SelectionDetail,
  SelectionList,
  SelectionListQuery,
  SelectionNote,
  SelectionsSummary,
  SelectionsSummaryQuery,
  WinnersBody,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as figures from './selections.figures.js';
import * as selections from './selections.service.js';
import * as voting from './selections.voting.js';

export const selectionsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['selections'] });
  crudRoutes(r, ctx, selections, {
    url: '/api/selections',
    read: 'selections.read',
    write: 'selections.manage',
    audit: 'selection',
    item: SelectionDetail,
    list: { summary: '评选表彰 Selections', query: SelectionListQuery, response: SelectionList },
    get: '评选：推荐、当选人与过程 A selection',
    create: { summary: '发布评选（县委、乡镇党委）Announce a selection', body: SelectionCreate },
    remove: '删除误发的评选（可恢复）Soft delete',
    restore: '恢复评选 Restore',
  });
  const one = { params: IdParams, response: SelectionDetail } as const;
  r.post(
    '/api/selections/:id/nominations',
    {
      ...one,
      can: 'selections.nominate',
      audit: 'selection.nominate',
      summary: '推荐人选（本组织名额内）Nominate',
      body: NominationCreate,
    },
    (req) => selections.nominate(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/selections/nominations/:id/review',
    {
      ...one,
      can: 'selections.manage',
      audit: 'selection.review',
      summary: '审核推荐人选 Review a nomination',
      body: NominationReview,
    },
    (req) => selections.review(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/selections/:id/open-vote',
    {
      ...one,
      can: 'selections.manage',
      audit: 'selection.open_vote',
      summary: '结束推荐、开始投票 Open the vote',
      body: SelectionNote,
    },
    (req) => voting.openVote(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/selections/:id/ballot',
    { can: 'selections.vote', summary: '选票 The ballot paper', params: IdParams, response: Ballot },
    (req) => voting.ballot(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/selections/:id/ballot',
    {
      can: 'selections.vote',
      audit: 'selection.vote',
      summary: '投票（每人一票）Cast one ballot',
      params: IdParams,
      body: BallotCast,
      response: Ballot,
    },
    (req) => voting.vote(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/selections/:id/count',
    {
      can: 'selections.manage',
      summary: '计票结果（仅组织单位）The count, for the organizer',
      params: IdParams,
      response: SelectionCount,
    },
    (req) => voting.count(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/selections/:id/publicize',
    {
      ...one,
      can: 'selections.manage',
      audit: 'selection.publicize',
      summary: '确定当选人并公示 Name the winners and publicize',
      body: WinnersBody,
    },
    (req) => voting.publicize(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/selections/:id/publish',
    {
      ...one,
      can: 'selections.manage',
      audit: 'selection.publish',
      summary: '公示期满，公布结果 Publish',
      body: SelectionNote,
    },
    (req) => voting.publish(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/stats/selections',
    {
      can: 'selections.read',
      summary: '评选表彰情况 Selections, nominees and winners',
      query: SelectionsSummaryQuery,
      response: SelectionsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
};

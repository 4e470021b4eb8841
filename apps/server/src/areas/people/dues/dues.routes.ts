/** Routes of party dues (党费). Thin: the services hold the rules. */
import {
  DuesBillList,
  DuesBillQuery,
  DuesCollection,
  DuesCollectionQuery,
  DuesFlagList,
  DuesFlagQuery,
  DuesGenerate,
  DuesGenerated,
  DuesMine,
  DuesMineQuery,
  DuesPaymentCreate,
  DuesPaymentDetail,
  DuesPaymentList,
  DuesPaymentQuery,
  DuesProfile,
  DuesProfileList,
  DuesProfileQuery,
  DuesProfileSet,
  DuesQuote,
  DuesQuoteQuery,
  DuesReasonBody,
  DuesReviewBody,
  DuesRuleCreate,
  DuesRuleList,
  IdParams,
  MemberIdParams,
  Ok,
  periodText,
} from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import { exportBills } from './dues.excel.js';
import { collection, collectionXlsx } from './dues.figures.js';
import { listFlags, recordReason } from './dues.flags.js';
import * as payments from './dues.payments.js';
import * as dues from './dues.service.js';
import { createRule, listRules, quote } from './dues.versions.js';

export const duesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['dues'] });
  const read = 'dues.read' as const;
  const write = 'dues.write' as const;
  r.get(
    '/api/dues/rules',
    { can: read, summary: '党费收缴标准版本 Dues rule versions', response: DuesRuleList },
    (req) => listRules(ctx, actorOf(req)),
  );
  r.post(
    '/api/dues/rules',
    {
      can: 'dues.rules',
      audit: 'dues_rule.create',
      summary: '新增党费标准版本 Add a version of the dues rules',
      body: DuesRuleCreate,
      response: DuesRuleList,
    },
    (req) => createRule(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/dues/quote',
    { can: read, summary: '党费测算 Dues of a category and income', query: DuesQuoteQuery, response: DuesQuote },
    (req) => quote(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dues/profiles',
    { can: read, summary: '党员党费档案 Dues profiles', query: DuesProfileQuery, response: DuesProfileList },
    (req) => dues.listProfiles(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dues/profiles/:memberId',
    { can: read, summary: '党员党费档案 A dues profile', params: MemberIdParams, response: DuesProfile },
    (req) => dues.getProfile(ctx, actorOf(req), req.params.memberId),
  );
  r.put(
    '/api/dues/profiles/:memberId',
    {
      can: write,
      audit: 'dues_profile.set',
      summary: '设置党费类别与基数 Set a dues profile',
      params: MemberIdParams,
      body: DuesProfileSet,
      response: DuesProfile,
    },
    (req) => dues.setProfile(ctx, actorOf(req), req.params.memberId, req.body),
  );
  r.get(
    '/api/dues/bills',
    { can: read, summary: '党费账单 Dues bills', query: DuesBillQuery, response: DuesBillList },
    (req) => dues.listBills(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dues/bills/export',
    { can: read, summary: '党费账单导出 Dues bills as Excel', query: DuesBillQuery },
    (req, reply) =>
      sendWorkbook(reply, exportBills(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('党费账单')),
  );
  r.post(
    '/api/dues/bills/generate',
    {
      can: write,
      audit: 'dues_bill.generate',
      summary: '生成党费账单 Generate a month of bills',
      body: DuesGenerate,
      response: DuesGenerated,
    },
    (req) => dues.generate(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/dues/payments',
    { can: read, summary: '党费缴纳记录 Dues payments', query: DuesPaymentQuery, response: DuesPaymentList },
    (req) => payments.listPayments(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/dues/payments',
    {
      can: write,
      audit: 'dues_payment.create',
      summary: '登记党费缴纳 Record a payment',
      body: DuesPaymentCreate,
      response: DuesPaymentDetail,
    },
    (req) => payments.createPayment(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/dues/payments/:id',
    { can: read, summary: '缴纳记录详情 A payment', params: IdParams, response: DuesPaymentDetail },
    (req) => payments.getPayment(ctx, actorOf(req), req.params.id),
  );
  r.delete(
    '/api/dues/payments/:id',
    {
      can: write,
      audit: 'dues_payment.delete',
      summary: '删除缴纳记录（可恢复）Soft delete',
      params: IdParams,
      response: Ok,
    },
    (req) => ok(payments.removePayment(ctx, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/dues/payments/:id/restore',
    {
      can: write,
      audit: 'dues_payment.restore',
      summary: '恢复缴纳记录 Restore a payment',
      params: IdParams,
      response: DuesPaymentDetail,
    },
    (req) => payments.restorePayment(ctx, actorOf(req), req.params.id),
  );
  for (const decision of ['approve', 'refuse'] as const)
    r.post(
      `/api/dues/payments/:id/${decision}`,
      {
        can: 'dues.review',
        audit: `dues_payment.${decision}`,
        summary: decision === 'approve' ? '补交审核通过 Approve a back payment' : '退回补交 Refuse a back payment',
        params: IdParams,
        body: DuesReviewBody,
        response: DuesPaymentDetail,
      },
      (req) => payments.review(ctx, actorOf(req), req.params.id, decision, req.body.note),
    );
  r.get(
    '/api/dues/flags',
    { can: read, summary: '连续六个月未交党费 Six months unpaid', query: DuesFlagQuery, response: DuesFlagList },
    (req) => listFlags(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/dues/flags/:memberId/reason',
    {
      can: write,
      audit: 'dues_flag.reason',
      summary: '登记未交原因 Record why a member has not paid',
      params: MemberIdParams,
      body: DuesReasonBody,
      response: Ok,
    },
    (req) => ok(recordReason(ctx, actorOf(req), req.params.memberId, req.body)),
  );
  r.get(
    '/api/dues/mine',
    { can: 'dues.own', summary: '我的党费 My dues bills', query: DuesMineQuery, response: DuesMine },
    (req) => dues.mine(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dues/figures',
    { can: read, summary: '党费收缴情况 Dues collection', query: DuesCollectionQuery, response: DuesCollection },
    (req) => collection(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dues/figures/export',
    { can: read, summary: '党费收缴情况导出 Dues collection as Excel', query: DuesCollectionQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        collectionXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `党费收缴情况-${periodText(req.query.period)}.xlsx`,
      ),
  );
};

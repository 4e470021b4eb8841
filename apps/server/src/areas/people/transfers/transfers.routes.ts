/** Routes of transfers of membership (组织关系转接). Thin: the services hold the rules. */
import {
  IdParams,
  TransferApprove,
  TransferCreate,
  TransferDetail,
  TransferFlow,
  TransferFlowQuery,
  TransferLetter,
  TransferList,
  TransferListQuery,
  TransferNote,
  TransferReason,
  TransferReceipt,
  TransferRegister,
  TransferTargets,
  TransferTargetsQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, importFile, importSchema, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './transfers.excel.js';
import * as figures from './transfers.figures.js';
import * as letters from './transfers.letter.js';
import * as moves from './transfers.moves.js';
import * as transfers from './transfers.service.js';

export const transfersRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['transfers'] });
  r.get(
    '/api/transfers/targets',
    {
      can: 'transfers.write',
      summary: '可转入的党组织（全县，按名称）Receiving organizations of the county by name',
      query: TransferTargetsQuery,
      response: TransferTargets,
    },
    (req) => letters.targets(ctx, actorOf(req), req.query.q),
  );
  r.get(
    '/api/transfers/export',
    {
      can: 'transfers.read',
      summary: '导出组织关系转接（全国党员管理信息系统列格式，身份证号脱敏）Export in the national columns',
      query: TransferListQuery,
    },
    (req, reply) =>
      sendWorkbook(
        reply,
        excel.exportTransfers(ctx, actorOf(req), req.query, localeOf(req)),
        datedXlsx('组织关系转接'),
      ),
  );
  r.get(
    '/api/transfers/template',
    { can: 'transfers.write', summary: '组织关系转接导入模板 Import template (xlsx)' },
    (req, reply) => sendWorkbook(reply, excel.template(ctx, actorOf(req)), '组织关系转接导入模板.xlsx'),
  );
  r.post(
    '/api/transfers/import',
    {
      can: 'transfers.write',
      audit: 'transfer.import',
      summary: '导入组织关系转接（转入、转出；全部无误才导入）Import letters in and out (all or nothing)',
      ...importSchema,
    },
    importFile(ctx, 'transfers.import_bad_file', excel.importTransfers),
  );
  crudRoutes(r, ctx, transfers, {
    url: '/api/transfers',
    read: 'transfers.read',
    write: 'transfers.write',
    audit: 'transfer',
    item: TransferDetail,
    list: {
      summary: '组织关系转接（转出、转入）Transfers sent and received',
      query: TransferListQuery,
      response: TransferList,
    },
    get: '组织关系转接详情与办理过程 A transfer with its timeline',
    create: { summary: '申请组织关系转接 Apply for a transfer', body: TransferCreate },
    remove: '删除误录的转接（可恢复）Soft delete',
    restore: '恢复转接 Restore',
  });
  r.post(
    '/api/transfers/register',
    {
      can: 'transfers.write',
      audit: 'transfer.register',
      summary: '登记系统外转入的介绍信 Register a letter from outside',
      body: TransferRegister,
      response: TransferDetail,
    },
    (req) => transfers.register(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/transfers/:id/letter',
    {
      can: 'transfers.read',
      summary: '组织关系介绍信（打印）The introduction letter to print',
      params: IdParams,
      response: TransferLetter,
    },
    (req) => letters.letter(ctx, actorOf(req), req.params.id),
  );
  const act = { can: 'transfers.write', params: IdParams, response: TransferDetail } as const;
  r.post(
    '/api/transfers/:id/approve',
    {
      ...act,
      can: 'transfers.approve',
      audit: 'transfer.approve',
      summary: '审批并开具介绍信 Approve and issue the letter',
      body: TransferApprove,
    },
    (req) => moves.approve(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/transfers/:id/reject',
    { ...act, can: 'transfers.approve', audit: 'transfer.reject', summary: '不予批准 Refuse', body: TransferReason },
    (req) => moves.reject(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/transfers/:id/accept',
    { ...act, audit: 'transfer.accept', summary: '接收组织关系 Receive', body: TransferNote },
    (req) => moves.accept(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/transfers/:id/send-back',
    { ...act, audit: 'transfer.send_back', summary: '退回（说明理由）Send back with a reason', body: TransferReason },
    (req) => moves.sendBack(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/transfers/:id/receipt',
    { ...act, audit: 'transfer.receipt', summary: '登记介绍信回执 Record the return slip', body: TransferReceipt },
    (req) => moves.receipt(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/transfers/:id/resubmit',
    { ...act, audit: 'transfer.resubmit', summary: '重新提交 Resubmit', body: TransferNote },
    (req) => moves.resubmit(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/transfers/:id/withdraw',
    { ...act, audit: 'transfer.withdraw', summary: '撤回 Withdraw', body: TransferNote },
    (req) => moves.withdraw(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.get(
    '/api/stats/transfers',
    {
      can: 'transfers.read',
      summary: '组织关系转接情况（转入、转出、办理中、逾期）Transfers in, out, under way, overdue',
      query: TransferFlowQuery,
      response: TransferFlow,
    },
    (req) => figures.flow(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/transfers/export',
    { can: 'transfers.read', summary: '组织关系转接情况导出 As Excel', query: TransferFlowQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.flowXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `组织关系转接情况-${req.query.period}.xlsx`,
      ),
  );
};

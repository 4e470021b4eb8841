/** Fastify glue shared by every module's routes: the typed app, the actor of a request, locale. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from './actor.js';
import type { Ctx } from './context.js';
import { MAX_ID, type ErrorCode } from '@dangjian/contracts';
import { DomainError } from './errors.js';
import type { RouteCapability } from './routes.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actorOrNull: Actor | null;
    sessionTokenHash: string | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route (set by `defineRoute`; `'public'`: anyone, without a session). */
    capability?: RouteCapability;
    /** Routes a session holding a one-time password may call (its user, the password change, sign-out). */
    passwordChange?: boolean;
    /** Audit action name used when a write fails. */
    auditAction?: string;
  }
}

/** The signed-in actor of a request (the auth hook guarantees it on non-public routes). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actorOrNull) throw new DomainError('auth.required');
  return req.actorOrNull;
}

/** The response language: the user's choice, else Accept-Language, else Chinese. */
export function localeOf(req: FastifyRequest): 'zh-CN' | 'en' {
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header.trim()) return /^en\b/i.test(header.trim()) ? 'en' : 'zh-CN';
  if (req.actorOrNull?.locale === 'en') return 'en';
  return 'zh-CN';
}

/** Sends an Excel file as a download. */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(buffer);
}

/** A module's route registration: gets the app and the service context. */
export type RouteModule = (app: App, ctx: Ctx) => void;

/** The one uploaded file of a multipart import request; none is `badFile`, one over DJ_UPLOAD_MAX_BYTES is 413. */
export async function uploadedFile(req: FastifyRequest, badFile: ErrorCode): Promise<Buffer> {
  if (!req.isMultipart()) throw new DomainError(badFile);
  const file = await req.file();
  if (!file) throw new DomainError(badFile);
  try {
    return await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('import.too_large', { reason: 'upload_size' });
    throw err;
  }
}

/** The widest integer a request may carry: PostgreSQL's `integer` columns (every id) hold 32 bits. */
export const MAX_INT = MAX_ID;

/** Whether a parsed request value holds a NUL character anywhere (PostgreSQL refuses it in text: a 500, not a 400). */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 32) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || hasNul(v, depth + 1)) return true;
  return false;
}

/** The HTTP client of the web app: same-origin fetch, CSRF header, locale, errors by code. */
import { errorMessage } from '@dangjian/contracts';

export type Locale = 'zh-CN' | 'en';

let currentLocale: Locale = 'zh-CN';
let unauthorizedHandler: ((code: string) => void) | null = null;

/** Sets the locale sent as Accept-Language and used for error messages. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

/** Registers what happens when the server answers 401 (sign-in page with the reason). */
export function onUnauthorized(handler: ((code: string) => void) | null): void {
  unauthorizedHandler = handler;
}

/** An error answer of the API, with its stable code and a message in the current locale. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads a cookie of the page by name. */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?query` leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The message of an error code in the current locale, falling back to the server's text. */
export function messageOf(code: string, fallback?: string): string {
  const m = errorMessage(code, currentLocale);
  return m === code && fallback ? fallback : m;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not call the 401 handler (sign-in itself, the session probe of the phone pages). */
  quiet401?: boolean;
}

/** Sends a request to the API and answers the parsed JSON body, or throws ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('dj_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network',
      currentLocale === 'en' ? 'Cannot reach the server; check the network' : '无法连接服务器，请检查网络',
    );
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code =
      err?.code ??
      (res.status === 404
        ? 'not_found'
        : res.status === 403
          ? 'forbidden'
          : res.status === 401
            ? 'auth.required'
            : 'internal');
    // A validation refusal is said by the server in words, field by field (in the language asked for).
    const message = code === 'validation' && err?.message ? err.message : messageOf(code, err?.message);
    const apiError = new ApiError(res.status, code, message, err?.details, data);
    if (res.status === 401 && !opts.quiet401 && unauthorizedHandler) unauthorizedHandler(code);
    throw apiError;
  }
  return data as T;
}

/** Shorthands by method. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * PDF of a bulletin: its printable HTML rendered by the Chromium already installed (playwright-core launches
 * it; nothing is downloaded). One browser, launched on the first render and reused, closed when the server
 * stops; at most a few renders at once, each with a timeout; a clear 503 when Chromium is missing. An issued
 * (or withdrawn) bulletin's PDF is rendered once and stored under the data folder, then served from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';

/** Renders at most this many PDFs at once (each page holds memory in Chromium). */
const MAX_RENDERS = 2;
/** A render that takes longer than this is abandoned (503, try again). */
const RENDER_TIMEOUT_MS = 30_000;

let browser: Promise<Browser> | null = null;
let running = 0;
const waiting: (() => void)[] = [];

/** The Chromium executable (`DJ_CHROMIUM`, default /usr/bin/chromium). */
export function chromiumPath(): string {
  return process.env.DJ_CHROMIUM ?? '/usr/bin/chromium';
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new DomainError('bulletins.pdf_unavailable', undefined, 503);
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });
  // A browser that dies is launched again on the next render.
  b.on('disconnected', () => {
    browser = null;
  });
  return b;
}

function theBrowser(): Promise<Browser> {
  if (!browser) {
    browser = launch().catch((err) => {
      browser = null;
      if (err instanceof DomainError) throw err;
      throw new DomainError('bulletins.pdf_unavailable', undefined, 503);
    });
  }
  return browser;
}

async function slot(): Promise<() => void> {
  if (running >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Renders an HTML document to an A4 PDF. */
export async function renderPdf(html: string): Promise<Buffer> {
  const release = await slot();
  try {
    const b = await theBrowser();
    const context = await b.newContext();
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = (async () => {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DomainError('bulletins.pdf_busy', undefined, 503)), RENDER_TIMEOUT_MS);
      });
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}

/** Closes the browser (the server stops). */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}

/** Where a stored PDF lives. */
function storedPath(ctx: Ctx, file: string): string {
  return path.join(ctx.config.dataDir, 'uploads', 'bulletins', file);
}

/** A stored PDF, or null when it is not there (rendered again). */
export async function readStoredPdf(ctx: Ctx, file: string | null): Promise<Buffer | null> {
  if (!file || !/^[\w.-]+$/.test(file)) return null;
  try {
    return await fs.promises.readFile(storedPath(ctx, file));
  } catch {
    return null;
  }
}

/** Stores a rendered PDF; answers its file name. */
export async function storePdf(ctx: Ctx, name: string, pdf: Buffer): Promise<string> {
  const file = storedPath(ctx, name);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, pdf);
  await fs.promises.rename(tmp, file);
  return name;
}

// Browser mode: the built renderer and the same handler table over HTTP, on 127.0.0.1 only,
// every API call guarded by a random token that is printed once at start.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMessage, tFor, type UiLanguage } from '../shared/i18n.ts';
import { createApiContext, dispatch, type ApiContext } from './api.ts';
import { consoleLanguage } from './cli-lang.ts';
import { CONTENT_SECURITY_POLICY } from './content-policy.ts';
import { DatabaseSession } from './db/session.ts';
import { MAX_BACKUP_BASE64 } from '../shared/backups.ts';
import type { ApiResult } from '../shared/api/index.ts';
import type { MessageKey } from '../shared/messages.ts';
import { logError } from './error-log.ts';
import { AppError } from './errors.ts';
import { checkedDatabasePath } from './paths.ts';
import { browserPlatform } from './platform.ts';

export const DEFAULT_PORT = 5178;
const HOST = '127.0.0.1';
// The largest call is a restore from an uploaded database copy, in base64.
const MAX_BODY_BYTES = MAX_BACKUP_BASE64 + 1024 * 1024;
// All the bodies being read at once, together: one restore and some smaller calls beside it.
export const DEFAULT_BODY_BUDGET = MAX_BODY_BYTES + 64 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  dbFile: string;
  port?: number;
  token?: string;
  rendererDir?: string;
  /** The first start of a day copies the database to the backup folder (default: yes, as the app does). */
  dailyBackup?: boolean;
  lang?: UiLanguage;
  /** Bytes of request bodies held at once over all requests; a call beyond it is answered 503 (default DEFAULT_BODY_BUDGET). */
  bodyBudget?: number;
}

export interface RunningWebServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function defaultRendererDir(): string {
  return fileURLToPath(new URL('../dist/renderer/', import.meta.url));
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The bytes of request bodies held in memory now, over every request, against one limit. */
class BodyBudget {
  private used = 0;
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used -= bytes;
  }
}

type Body = { text: string } | { refused: 413 | 503 };

/**
 * Reads a request's body within its own limit and the shared budget, holding its share of the budget until
 * `release` — the declared length at once, so a large upload is refused before it arrives, and more if it sends more.
 */
async function readBody(request: IncomingMessage, budget: BodyBudget, hold: { bytes: number }): Promise<Body> {
  const declared = Number(request.headers['content-length'] ?? 0) || 0;
  if (declared > MAX_BODY_BYTES) return { refused: 413 };
  if (!budget.take(declared)) return { refused: 503 };
  hold.bytes = declared;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { refused: 413 };
    if (size > hold.bytes) {
      if (!budget.take(size - hold.bytes)) return { refused: 503 };
      hold.bytes = size;
    }
    chunks.push(chunk as Buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

function send(response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/** An answer the renderer shows like any other API error, for a call refused before it reached the handler table. */
function refusal(key: MessageKey): string {
  const result: ApiResult<never> = { ok: false, error: { code: 'conflict', message: { key, params: {} } } };
  return JSON.stringify(result);
}

/** Refuses a request without reading the rest of its body into memory (it is read and dropped, so the client sees the answer). */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, body: string): void {
  request.resume();
  send(response, status, body);
}

async function serveApi(ctx: ApiContext, token: string, budget: BodyBudget, name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return refuse(request, response, 405, '{}');
  if (!sameToken(request.headers['x-jinaq-token'] as string | undefined, token)) return refuse(request, response, 403, '{"ok":false}');
  const hold = { bytes: 0 };
  try {
    const body = await readBody(request, budget, hold);
    if ('refused' in body) return refuse(request, response, body.refused, body.refused === 503 ? refusal('api.busy') : '{"ok":false}');
    let input: unknown;
    try {
      input = body.text === '' ? {} : JSON.parse(body.text);
    } catch {
      return send(response, 400, '{"ok":false}');
    }
    send(response, 200, JSON.stringify(await dispatch(ctx, name, input)));
  } finally {
    budget.give(hold.bytes);
  }
}

/** The URL path decoded, or null when it is not a well-formed one (a stray %, a broken UTF-8 sequence). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

async function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse): Promise<void> {
  const relative = path.normalize(urlPath).replace(/^([/\\])+/, '');
  let file = path.join(rendererDir, relative);
  if (!file.startsWith(rendererDir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
  if (!existsSync(file)) return send(response, 500, 'The renderer is not built: run `npm run build:renderer`.', 'text/plain; charset=utf-8');
  // Read whole before the headers go (the renderer's files are small), so a failure can still be answered 500.
  const bytes = await readFile(file);
  response.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  response.end(bytes);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  const session = await DatabaseSession.open(options.dbFile, { dailyBackup: options.dailyBackup ?? true });
  const budget = new BodyBudget(options.bodyBudget ?? DEFAULT_BODY_BUDGET);
  const t = tFor(options.lang ?? consoleLanguage());
  // The stack goes to the log file only; the console gets one line, the browser a bare 500 or an API error.
  const report = (context: string, error: unknown) => {
    const log = logError(options.dbFile, context, error);
    console.error(`${context}: ${t('messages.cli.unexpected', { message: error instanceof Error ? error.message : String(error), log })}`);
  };
  const ctx = createApiContext(session, browserPlatform);
  ctx.onInternalError = (name, error) => report(`POST /api/${name}`, error);
  let port = options.port ?? DEFAULT_PORT;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Only this machine's own addresses, by name too, so another site cannot rebind a hostname onto us.
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return refuse(request, response, 421, '{}');
    const url = URL.parse(request.url ?? '/', `http://${host}`);
    const pathname = url && decodedPath(url.pathname);
    if (pathname === null) return refuse(request, response, 400, '{"ok":false}');
    const api = /^\/api\/([\w.]+)$/.exec(pathname);
    if (api) return serveApi(ctx, token, budget, api[1], request, response);
    request.resume();
    return serveStatic(rendererDir, pathname, response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      report(`${request.method} ${request.url}`, error);
      send(response, 500, '{"ok":false}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    token,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await session.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' }, lang: { type: 'string' } },
  });
  const lang = consoleLanguage(values.lang);
  const t = tFor(lang);
  const running = await startWebServer({
    lang,
    dbFile: checkedDatabasePath(values.db),
    port: values.port === undefined ? DEFAULT_PORT : Number(values.port),
    token: values.token ?? process.env.JINAQ_WEB_TOKEN,
  });
  console.log(t('messages.api.webRunning', { url: running.url }));
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    const t = tFor(consoleLanguage());
    if (error instanceof AppError) console.error(formatMessage(t, { key: error.key, params: error.params }));
    else {
      const log = logError(process.env.JINAQ_DB ?? '', 'npm run web', error);
      console.error(t('messages.cli.unexpected', { message: error instanceof Error ? error.message : String(error), log }));
    }
    process.exit(1);
  });
}

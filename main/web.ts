// Browser mode: the built renderer and the same handler table over HTTP, on 127.0.0.1 only,
// every API call guarded by a random token that is printed once at start.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMessage, tFor } from '../shared/i18n.ts';
import { createApiContext, dispatch, type ApiContext } from './api.ts';
import { consoleLanguage } from './cli-lang.ts';
import { CONTENT_SECURITY_POLICY } from './content-policy.ts';
import { DatabaseSession } from './db/session.ts';
import { MAX_BACKUP_BASE64 } from '../shared/backups.ts';
import { AppError } from './errors.ts';
import { resolveDatabasePath } from './paths.ts';
import { browserPlatform } from './platform.ts';

export const DEFAULT_PORT = 5178;
const HOST = '127.0.0.1';
// The largest call is a restore from an uploaded database copy, in base64.
const MAX_BODY_BYTES = MAX_BACKUP_BASE64 + 1024 * 1024;

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

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

async function serveApi(ctx: ApiContext, token: string, name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return send(response, 405, '{}');
  if (!sameToken(request.headers['x-jinaq-token'] as string | undefined, token)) return send(response, 403, '{"ok":false}');
  const body = await readBody(request);
  if (body === null) return send(response, 413, '{"ok":false}');
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    return send(response, 400, '{"ok":false}');
  }
  send(response, 200, JSON.stringify(await dispatch(ctx, decodeURIComponent(name), input)));
}

function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse): void {
  const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = path.join(rendererDir, relative);
  if (!file.startsWith(rendererDir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
  if (!existsSync(file)) return send(response, 500, 'The renderer is not built: run `npm run build:renderer`.', 'text/plain; charset=utf-8');
  response.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  createReadStream(file).pipe(response);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  const session = await DatabaseSession.open(options.dbFile, { dailyBackup: options.dailyBackup ?? true });
  const ctx = createApiContext(session, browserPlatform);
  let port = options.port ?? DEFAULT_PORT;

  const server = createServer((request, response) => {
    // Only this machine's own addresses, by name too, so another site cannot rebind a hostname onto us.
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(response, 421, '{}');
    const url = new URL(request.url ?? '/', `http://${host}`);
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (api) {
      serveApi(ctx, token, api[1], request, response).catch(() => send(response, 500, '{"ok":false}'));
      return;
    }
    serveStatic(rendererDir, url.pathname, response);
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
  const t = tFor(consoleLanguage(values.lang));
  const running = await startWebServer({
    dbFile: resolveDatabasePath(values.db),
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
    console.error(error instanceof AppError ? formatMessage(t, { key: error.key, params: error.params }) : error);
    process.exit(1);
  });
}

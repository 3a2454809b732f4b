// The desktop app: one window over the built renderer, the handler table behind one IPC channel.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { createApiContext, dispatch } from '../api.ts';
import { consoleLanguage } from '../cli-lang.ts';
import { DatabaseSession } from '../db/session.ts';
import { AppError } from '../errors.ts';
import { resolveDatabasePath } from '../paths.ts';
import { utilityCheckProcess } from './check-process.ts';
import { electronPlatform } from './platform.ts';
import { acceptsApiCall, lockDownContents, lockDownSession, WEB_PREFERENCES } from './policy.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
let mainWindow: BrowserWindow | null = null;
let database: DatabaseSession | null = null;

function databaseFlag(): string | undefined {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { db: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.db === 'string' ? values.db : undefined;
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Jinaq',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(here, 'preload.cjs') },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadFile(path.join(rendererDir, 'index.html'));
}

async function start(): Promise<void> {
  const file = resolveDatabasePath(databaseFlag(), app.getPath('userData'));
  database = await DatabaseSession.open(file, {
    migrationsDir: path.join(app.getAppPath(), 'migrations'), dailyBackup: true, startCheckProcess: utilityCheckProcess,
  });
  const ctx = createApiContext(database, electronPlatform(() => mainWindow));
  ipcMain.handle('jinaq:api', (event, name: unknown, input: unknown) => {
    if (!acceptsApiCall(event.senderFrame?.url, rendererDir, name)) {
      return { ok: false, error: { code: 'unknown_method', message: { key: 'api.unknownMethod', params: { name: String(name) } } } };
    }
    return dispatch(ctx, name, input);
  });
  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  lockDownSession(session.defaultSession);
  createWindow();
}

// Every renderer sandboxed, whatever a window asks for.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void database?.close());
  app.whenReady().then(start).catch((error: unknown) => {
    const t = tFor(consoleLanguage(app.getLocale().slice(0, 2)));
    const text = error instanceof AppError ? formatMessage(t, { key: error.key, params: error.params }) : String(error);
    dialog.showErrorBox('Jinaq', text);
    app.exit(1);
  });
}

// The desktop window's security policy (Electron's security checklist) as plain data and functions over the few
// parts of Electron's objects they touch, so it is testable without the Electron binary. main.ts wires it up.
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../content-policy.ts';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** Only our own renderer's pages may call the API: file URLs inside the built renderer folder. */
export function isTrustedRendererUrl(url: string | undefined, rendererDir: string): boolean {
  if (!url) return false;
  const root = pathToFileURL(rendererDir.endsWith('/') || rendererDir.endsWith('\\') ? rendererDir : `${rendererDir}/`).href;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && `${parsed.origin === 'null' ? 'file://' : parsed.origin}${parsed.pathname}`.startsWith(root);
  } catch {
    return false;
  }
}

/** The app shows nothing from the network: only its own files, and data/blob URLs it made itself (downloads, charts). */
export function isLocalRequest(url: string): boolean {
  try {
    return ['file:', 'data:', 'blob:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

interface Preventable {
  preventDefault(): void;
}

/** What lockDownContents needs of Electron's WebContents. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** No page of the app goes anywhere else, opens a window or attaches a webview: links in school texts stay text. */
export function lockDownContents(contents: ContentsLike): void {
  const deny = (event: Preventable) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** What lockDownSession needs of Electron's Session. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

/** Every permission (camera, notifications, USB, …) refused; every request that is not local cancelled; the CSP sent. */
export function lockDownSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** An IPC call is answered only when it comes from our renderer and names a method as a string. */
export function acceptsApiCall(senderUrl: string | undefined, rendererDir: string, name: unknown): name is string {
  return typeof name === 'string' && isTrustedRendererUrl(senderUrl, rendererDir);
}

// The desktop window's security policy as plain data and functions, so it is testable without Electron.
// (Electron's security checklist: isolation, sandbox, no Node in the page, a strict CSP, no navigation.)
import { pathToFileURL } from 'node:url';

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
  spellcheck: false,
} as const;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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

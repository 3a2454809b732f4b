// The renderer's only way to the main process: the typed contract of shared/api/
// over the Electron preload when it is there and over HTTP (browser mode) otherwise.
import type { ApiError, ApiInput, ApiName, ApiOutput, ApiResult } from '../shared/api/index.ts';
import type { SaveOutcome } from '../shared/domain.ts';

interface JinaqBridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    jinaq?: JinaqBridge;
  }
}

const TOKEN_KEY = 'jinaq.token';
const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

/** An API call that the main process answered with an error: its code and a message key to put into words. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(`${error.code}: ${error.message.key}`);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** The browser-mode token: taken from `#token=…` on first load, kept for the tab, and removed from the address bar. */
function takeToken(): string | null {
  const match = TOKEN_IN_HASH.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = typeof window === 'undefined' ? null : takeToken();

/** The call did not reach the main process or its answer could not be read. */
export class TransportError extends Error {
  readonly reason: 'forbidden' | 'network' | 'server';
  constructor(reason: TransportError['reason'], detail: string) {
    super(detail);
    this.name = 'TransportError';
    this.reason = reason;
  }
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Jinaq-Token': token ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    throw new TransportError('network', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 403) throw new TransportError('forbidden', 'HTTP 403');
  // 503: too much data arriving at once; its body is an API error the screens show like any other.
  if (response.status === 503) return (await response.json()) as ApiResult<unknown>;
  if (!response.ok) throw new TransportError('server', `HTTP ${response.status}`);
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls one API method; resolves with its value or throws ApiCallError. Screens read and change through src/data/. */
export async function call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = window.jinaq ? await window.jinaq.invoke(name, input) : await overHttp(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ApiOutput<K>;
}

/** Reads a picked or dropped file as base64, the way the API carries file bytes. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** Hands bytes to the browser as a download with the given file name. */
export function downloadFile(name: string, base64: string): void {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  const blob = new Blob([base64ToBytes(base64)], { type: MIME_BY_EXTENSION[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What became of a produced file, for the screen to tell the user. */
export type Delivered =
  | { kind: 'downloaded'; name: string; count: number }
  | { kind: 'saved'; location: string; count: number }
  | { kind: 'cancelled' };

/** Finishes a SaveOutcome: a download is started here; a file the desktop app saved is only reported. */
export function deliver(outcome: SaveOutcome): Delivered {
  switch (outcome.kind) {
    case 'download':
      downloadFile(outcome.file.name, outcome.file.base64);
      return { kind: 'downloaded', name: outcome.file.name, count: outcome.count };
    case 'saved':
      return { kind: 'saved', location: outcome.location, count: outcome.count };
    case 'cancelled':
      return { kind: 'cancelled' };
  }
}

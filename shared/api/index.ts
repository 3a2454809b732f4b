// The one API contract: every method declared once, by domain (one file each in this folder).
// main/api.ts implements it as a handler table; renderer/api.ts calls it over IPC or HTTP; renderer/data/ caches
// what the queries answer and reads again what a change names. Adding a method: its declaration in its domain's
// file, its handler in main/api.ts, and its caller — nothing else.
import type { z } from 'zod';
import type { Message } from '../messages.ts';
import { backupsMethods } from './backups.ts';
import { campaignsMethods } from './campaigns.ts';
import type { ChangeDeclaration, MethodDeclaration, QueryDeclaration, Returns } from './define.ts';
import { exportsMethods } from './exports.ts';
import { formsMethods } from './forms.ts';
import { plansMethods } from './plans.ts';
import { reportsMethods } from './reports.ts';
import { schoolsMethods } from './schools.ts';
import { settingsMethods } from './settings.ts';
import { summaryMethods } from './summary.ts';

export const api = {
  ...settingsMethods,
  ...schoolsMethods,
  ...campaignsMethods,
  ...formsMethods,
  ...plansMethods,
  ...reportsMethods,
  ...summaryMethods,
  ...exportsMethods,
  ...backupsMethods,
} as const satisfies Record<string, MethodDeclaration>;

type Api = typeof api;
export type ApiName = keyof Api;
/** The methods that only read, and those that change data (or write files). */
export type QueryName = { [K in ApiName]: Api[K] extends QueryDeclaration ? K : never }[ApiName];
export type ChangeName = Exclude<ApiName, QueryName>;
/** What a caller passes (defaults may be left out). */
export type ApiInput<K extends ApiName> = z.input<Api[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ApiArgs<K extends ApiName> = z.output<Api[K]['input']>;
export type ApiOutput<K extends ApiName> = Api[K]['output'] extends Returns<infer T> ? T : never;

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(api, name);
}

export function isQueryName(name: string): name is QueryName {
  return isApiName(name) && api[name].kind === 'query';
}

/** Whether a method changes any data a screen may show (a file written for the user changes none). */
export function changesData(name: ChangeName): boolean {
  const { changes } = api[name] as ChangeDeclaration;
  return changes === 'all' || changes.length > 0;
}

/** Whether the answer of a query may be out of date once a change has run: it reads some data the change changes. */
export function outdates(change: ChangeName, query: QueryName): boolean {
  const { changes } = api[change] as ChangeDeclaration;
  const { reads } = api[query] as QueryDeclaration;
  return changes === 'all' || changes.some((kind) => reads.includes(kind));
}

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'storage' | 'unknown_method' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: Message;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };


// How one API method is declared: its input schema, its output type, and the data it reads or changes.
// Everything else — the handler table's type, the client's calls, the transports' checks, the renderer's cache —
// is derived from these declarations (shared/api/index.ts).
import type { z } from 'zod';

/**
 * The kinds of data the app keeps. A query names the kinds it reads; a method that changes data names the kinds it
 * changes, and every query reading one of them is read again (the renderer's cache, renderer/data/).
 */
export const DATA_KINDS = [
  'settings', 'schools', 'campaigns', 'forms', 'plans', 'execution', 'reports', 'templates', 'backups',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** A type carried by a declaration only for the compiler: the value is never read. */
export interface Returns<T> {
  readonly __returns?: T;
}

export interface QueryDeclaration<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: 'query';
  readonly input: I;
  readonly output: Returns<O>;
  readonly reads: readonly DataKind[];
}

export interface ChangeDeclaration<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: 'change';
  readonly input: I;
  readonly output: Returns<O>;
  /** Every kind of data the method may change; 'all' when it replaces the whole database. */
  readonly changes: readonly DataKind[] | 'all';
}

export type MethodDeclaration = QueryDeclaration | ChangeDeclaration;

/** The output type of a method, written `returns<School[]>()`. */
export function returns<T>(): Returns<T> {
  return {};
}

/** A method that only reads. */
export function query<I extends z.ZodType, O>(declaration: Omit<QueryDeclaration<I, O>, 'kind'>): QueryDeclaration<I, O> {
  return { kind: 'query', ...declaration };
}

/** A method that changes data — or writes a file, which changes nothing the app shows (`changes: []`). */
export function change<I extends z.ZodType, O>(declaration: Omit<ChangeDeclaration<I, O>, 'kind'>): ChangeDeclaration<I, O> {
  return { kind: 'change', ...declaration };
}

/** A domain's methods: every name starts with the domain, so a method is found in the file its name says. */
export type Domain<D extends string> = Record<`${D}.${string}`, MethodDeclaration>;

// Every API method against inputs of the wrong type and of the wrong size, found by walking its zod schema:
// the whole input of the wrong type, each field of the wrong type, each string, list and map one element too
// long, a 30 MB string, unknown method names and prototype-pollution payloads. Methods added to shared/api/
// later are covered without touching this file; a string, list or map without a maximum fails it by its path.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type ApiName } from '../../shared/api/index.ts';
import { dispatch, type ApiContext } from '../../main/api.ts';
import { apiContextFor, tempDatabase } from '../helpers/db.ts';

type Schema = z.core.$ZodType;
type Path = Array<string | number>;
/** Which option each union on the way takes, by the union's path. */
type Choices = ReadonlyMap<string, number>;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string; maximum?: number; minimum?: number } } }>;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
const SCALARS = new Set(['number', 'boolean', 'null', 'enum', 'literal', 'bigint', 'date']);

/** The schema under optional, nullable, default… (and the input side of a pipe). */
function core(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function checkValue(schema: Schema, check: 'max_length' | 'min_length'): number | undefined {
  const found = defOf(schema).checks?.find((c) => c._zod.def.check === check)?._zod.def;
  return check === 'max_length' ? found?.maximum : found?.minimum;
}

/** A map's largest number of keys: zod has no max for records, so shared/api/inputs.ts keeps it in the schema's metadata. */
function maxKeys(schema: Schema): number | undefined {
  const meta = z.globalRegistry.get(schema) as { maxKeys?: unknown } | undefined;
  return typeof meta?.maxKeys === 'number' ? meta.maxKeys : undefined;
}

const key = (path: Path) => path.join('.');
const accepts = (schema: Schema, value: unknown) => z.safeParse(schema, value).success;

const STRING_SAMPLES = (min: number) => ['x'.repeat(Math.max(1, min)), '', '2027-01-15', '12', '123456789012', 'api.notFound'];
const NUMBER_SAMPLES = [1, 0, 2027];

/** A valid value for the schema at `path`, taking the chosen option of each union. */
function sample(schema: Schema, path: Path, choices: Choices): unknown {
  const c = core(schema);
  const def = defOf(c);
  const found = (candidates: unknown[]) => {
    const value = candidates.find((candidate) => accepts(c, candidate));
    if (value === undefined) throw new Error(`no sample value for ${key(path) || '(input)'} (${def.type}): add one to the test`);
    return value;
  };
  switch (def.type) {
    case 'string':
      return found(STRING_SAMPLES(checkValue(c, 'min_length') ?? 0));
    case 'number':
      return found(NUMBER_SAMPLES);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, s]) => [k, sample(s, [...path, k], choices)]));
    case 'array':
      return [sample(def.element!, [...path, 0], choices)];
    case 'record': {
      const k = String(sample(def.keyType!, path, choices));
      return { [k]: sample(def.valueType!, [...path, k], choices) };
    }
    case 'union':
      return sample(def.options![choices.get(key(path)) ?? 0], path, choices);
    default:
      throw new Error(`${key(path) || '(input)'}: the test does not know zod type ${def.type}`);
  }
}

interface Field {
  path: Path;
  schema: Schema;
  choices: Choices;
}
interface Bound {
  path: Path;
  kind: 'string' | 'array' | 'record' | 'record key';
  max: number | undefined;
  schema: Schema;
  choices: Choices;
}

/** Every field below the input (with the schema as the field declares it) and every string, list and map. */
function walk(schema: Schema, path: Path, choices: Choices, fields: Field[], bounds: Bound[]): void {
  if (path.length > 0) fields.push({ path, schema, choices });
  visit(core(schema), path, choices, fields, bounds);
}

function visit(c: Schema, path: Path, choices: Choices, fields: Field[], bounds: Bound[]): void {
  const def = defOf(c);
  switch (def.type) {
    case 'string':
      bounds.push({ path, kind: 'string', max: checkValue(c, 'max_length'), schema: c, choices });
      return;
    case 'array':
      bounds.push({ path, kind: 'array', max: checkValue(c, 'max_length'), schema: c, choices });
      walk(def.element!, [...path, 0], choices, fields, bounds);
      return;
    case 'record': {
      bounds.push({ path, kind: 'record', max: maxKeys(c), schema: c, choices });
      const keyType = core(def.keyType!);
      bounds.push({ path, kind: 'record key', max: defOf(keyType).type === 'string' ? checkValue(keyType, 'max_length') : 0, schema: c, choices });
      walk(def.valueType!, [...path, String(sample(def.keyType!, path, choices))], choices, fields, bounds);
      return;
    }
    case 'object':
      for (const [k, s] of Object.entries(def.shape ?? {})) walk(s, [...path, k], choices, fields, bounds);
      return;
    case 'union':
      def.options!.forEach((option, i) => visit(core(option), path, new Map([...choices, [key(path), i]]), fields, bounds));
      return;
    default:
      if (!SCALARS.has(def.type)) throw new Error(`${key(path) || '(input)'}: the test does not know zod type ${def.type}`);
  }
}

function setAt(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container = structuredClone(input) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

const METHODS = Object.keys(api) as ApiName[];
const schemaOf = (name: ApiName) => api[name].input as unknown as Schema;
const plans = METHODS.map((name) => {
  const fields: Field[] = [];
  const bounds: Bound[] = [];
  walk(schemaOf(name), [], new Map(), fields, bounds);
  return { name, fields, bounds };
});
const FIELDS = plans.flatMap(({ name, fields }) => fields.map((field) => ({ name, ...field, at: key(field.path) })));
const BOUNDS = plans.flatMap(({ name, bounds }) => bounds.map((bound) => ({ name, ...bound, at: key(bound.path) })));

/** A whole valid input for the method, with the given union options. */
function validInput(name: ApiName, choices: Choices = new Map()): unknown {
  return sample(schemaOf(name), [], choices);
}

const WRONG_VALUES: unknown[] = [12345, 'x', true, [], {}, null];

let database: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ApiContext;
beforeAll(async () => {
  database = await tempDatabase();
  ctx = apiContextFor(database);
});
afterAll(() => database.remove());

interface Issue {
  path: PropertyKey[];
  code: string;
}

async function invalid(name: string, input: unknown): Promise<string[]> {
  const result = await dispatch(ctx, name, input);
  if (result.ok) throw new Error(`${name} accepted ${JSON.stringify(input)?.slice(0, 300)}`);
  expect(result.error.code, JSON.stringify(result.error).slice(0, 500)).toBe('invalid_input');
  expect(result.error.message.key).toBe('api.invalidInput');
  return (result.error.details as Issue[]).map((issue) => issue.path.join('.'));
}

async function changesSoFar(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(database.db);
  return rows[0].n;
}

describe('the schemas the test walks', () => {
  it('finds the methods and their fields, and a valid input for each method and each union option', () => {
    expect(METHODS.length).toBeGreaterThan(40);
    expect(FIELDS.length).toBeGreaterThan(100);
    for (const { name, fields } of plans) {
      for (const choices of [new Map(), ...fields.map((f) => f.choices)]) {
        const input = validInput(name, choices);
        const parsed = z.safeParse(schemaOf(name), input);
        expect(parsed.success, `${name}: ${JSON.stringify(input).slice(0, 300)} → ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });
});

describe('the input as a whole', () => {
  it.each(METHODS)('%s: a number, a string, an array, a boolean or null instead of the input object is invalid_input', async (name) => {
    for (const input of [12345, 'x', [], true, null]) expect(await invalid(name, input), JSON.stringify(input)).toContain('');
  });

  it.each(METHODS)('%s: no input at all (undefined) means {}', async (name) => {
    if (accepts(schemaOf(name), {})) {
      const result = await dispatch(ctx, name, undefined);
      if (!result.ok) expect(result.error.code).not.toBe('invalid_input');
    } else {
      expect((await invalid(name, undefined)).sort()).toEqual((await invalid(name, {})).sort());
    }
  });
});

describe('each field of the wrong type', () => {
  it.each(FIELDS.map((f) => [f.name, f.at, f] as const))('%s: %s', async (name, at, field) => {
    const wrong = WRONG_VALUES.find((value) => !accepts(field.schema, value));
    if (wrong === undefined) throw new Error(`${name}: ${at} accepts any of ${JSON.stringify(WRONG_VALUES)}`);
    expect(await invalid(name, setAt(validInput(name, field.choices), field.path, wrong))).toContain(at);
  });
});

describe('each string, list and map one element too long', () => {
  it.each(BOUNDS.map((b) => [b.name, b.kind, b.at, b] as const))('%s: %s %s', async (name, kind, at, bound) => {
    if (bound.max === undefined) throw new Error(`${name}: the ${kind} at ${at || '(input)'} has no maximum`);
    const def = defOf(bound.schema);
    const element = () => sample(def.element!, [...bound.path, 0], bound.choices);
    const value = () => sample(def.valueType!, [...bound.path, 'k'], bound.choices);
    const tooLong = {
      string: () => 'x'.repeat(bound.max! + 1),
      array: () => Array.from({ length: bound.max! + 1 }, element),
      record: () => Object.fromEntries(Array.from({ length: bound.max! + 1 }, (_, i) => [`k${i}`, value()])),
      'record key': () => ({ ['k'.repeat(bound.max! + 1)]: value() }),
    }[kind]();
    const paths = await invalid(name, setAt(validInput(name, bound.choices), bound.path, tooLong));
    if (kind === 'record key') expect(paths.some((p) => p.startsWith(at ? `${at}.` : ''))).toBe(true);
    else expect(paths).toContain(at);
  });
});

describe('an oversized input', () => {
  it('a 30 MB string in any text field is invalid_input and reaches no handler', async () => {
    const huge = 'Ш'.repeat(30 * 1024 * 1024);
    const before = await changesSoFar();
    for (const { name, bounds } of plans) {
      const text = bounds.find((bound) => bound.kind === 'string');
      if (!text) continue;
      expect(await invalid(name, setAt(validInput(name, text.choices), text.path, huge))).toContain(key(text.path));
    }
    expect(await changesSoFar()).toBe(before);
    expect(await database.db.selectFrom('schools').select('id').execute()).toEqual([]);
  });
});

describe('names and payloads meant to reach something else', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', 'settings', 'settings.get ', 'SETTINGS.GET'])(
    'the method name %j is unknown_method',
    async (name) => {
      expect(await dispatch(ctx, name, {})).toEqual({ ok: false, error: { code: 'unknown_method', message: { key: 'api.unknownMethod', params: { name } } } });
    },
  );

  const PAYLOADS = ['{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}'];

  it.each(METHODS)('%s: __proto__ and constructor.prototype in the input pollute nothing', async (name) => {
    for (const payload of PAYLOADS) await dispatch(ctx, name, JSON.parse(payload));
    // Inside a valid input, at every level: the handler would get only what the schema let through.
    const injected = JSON.parse(JSON.stringify(validInput(name)).replaceAll('{', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},')
      .replaceAll(',}', '}'));
    const parsed = z.safeParse(schemaOf(name), injected);
    if (parsed.success) {
      const stack: unknown[] = [parsed.data];
      while (stack.length > 0) {
        const value = stack.pop();
        if (!value || typeof value !== 'object') continue;
        if (!Array.isArray(value)) {
          expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
          expect(Object.hasOwn(value, '__proto__')).toBe(false);
        }
        stack.push(...Object.values(value));
      }
    } else {
      // Refused for the injected names alone (a strict schema, a map of row codes): the same input without them passes.
      expect(z.safeParse(schemaOf(name), validInput(name)).success).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});

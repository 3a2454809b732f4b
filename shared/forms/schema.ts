// The shape of a form definition, checked wherever one comes from outside: the form editor, a JSON file.
// Whether its parts fit together (codes, rules, tables) is formProblems' job (check.ts).
import { z } from 'zod';
import { MISSING_VALUE_STRATEGIES } from '../rules.ts';
import { MAX_GRID_COLUMNS, MAX_GRID_ROWS, MAX_INDICATORS, MAX_LIST_ROWS } from './check.ts';
import { INDICATOR_TYPES, LIST_COLUMN_TYPES } from './types.ts';

const text = (max: number) => z.string().trim().max(max);
const bilingual = (max: number) => z.object({ ru: text(max), kk: text(max) });
const key = z.string().trim().min(1).max(40);

const indicatorSchema = z.object({
  code: z.string().trim().toUpperCase().min(1).max(12),
  label: bilingual(500),
  type: z.enum(INDICATOR_TYPES),
  required: z.boolean(),
  unit: bilingual(40).optional(),
  section: key.optional(),
});

const listColumnSchema = z.object({
  key,
  label: bilingual(200),
  type: z.enum(LIST_COLUMN_TYPES),
  required: z.boolean(),
  maxLength: z.number().int().min(1).max(5000).optional(),
});

const gridCode = z.string().trim().toUpperCase().min(1).max(12);

const gridSchema = z.object({
  kind: z.literal('grid'),
  id: key,
  title: bilingual(300),
  rows: z
    .array(z.object({ code: gridCode, label: bilingual(500), required: z.boolean(), requiredColumns: z.array(gridCode).max(MAX_GRID_COLUMNS).optional() }))
    .max(MAX_GRID_ROWS),
  columns: z
    .array(z.object({ code: gridCode, label: bilingual(200), type: z.enum(INDICATOR_TYPES), unit: bilingual(40).optional() }))
    .max(MAX_GRID_COLUMNS),
  closed: z.array(z.string().trim().toUpperCase().max(25)).max(MAX_GRID_ROWS * MAX_GRID_COLUMNS).optional(),
});

const place = z.number().int().min(1).max(1_048_576);
const regionPlace = z.object({ index: place, text: text(1000), code: text(20).optional() });

const tableSchema = z.discriminatedUnion('kind', [
  gridSchema,
  z.object({ kind: z.literal('planExecution') }),
  z.object({
    kind: z.literal('list'),
    id: key,
    title: bilingual(300),
    sheet: bilingual(14).optional(),
    columns: z.array(listColumnSchema).max(20),
    maxRows: z.number().int().min(1).max(MAX_LIST_ROWS),
    rowCountCode: z.string().trim().toUpperCase().max(12).optional(),
    showHashtag: z.boolean().optional(),
  }),
]);

export const formDefinitionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  version: z.number().int().min(1).max(1000),
  title: bilingual(300),
  sections: z.array(z.object({ id: key, title: bilingual(300) })).max(50).optional(),
  indicators: z.array(indicatorSchema).max(MAX_INDICATORS + 1),
  rules: z
    .array(
      z.object({
        id: text(40),
        text: text(500),
        severity: z.enum(['error', 'warning']),
        missing: z.enum(MISSING_VALUE_STRATEGIES).optional(),
      }),
    )
    .max(200),
  tables: z.array(tableSchema).max(10).optional(),
  regionSource: z
    .object({
      fileName: text(260),
      sheet: text(100),
      rows: z.record(gridCode, regionPlace).refine((rows) => Object.keys(rows).length <= MAX_INDICATORS + MAX_GRID_ROWS).meta({ maxKeys: MAX_INDICATORS + MAX_GRID_ROWS }),
      columns: z.record(z.string().max(60), regionPlace).refine((columns) => Object.keys(columns).length <= MAX_GRID_COLUMNS * 10 + 1).meta({ maxKeys: MAX_GRID_COLUMNS * 10 + 1 }),
      schoolRows: z.object({ firstRow: place, numberColumn: place.optional(), nameColumn: place }).optional(),
    })
    .optional(),
});

/** A form shared as a file: `{ "format": "jinaq-form", "formatVersion": 1, "form": {…} }`. */
export const FORM_FILE_FORMAT = 'jinaq-form';
export const formFileSchema = z.object({
  format: z.literal(FORM_FILE_FORMAT),
  formatVersion: z.literal(1),
  form: formDefinitionSchema,
});

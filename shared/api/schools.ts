// The registry of schools.
import { z } from 'zod';
import { INSTRUCTION_LANGUAGES, SCHOOL_TYPES, type RegistryImportResult, type School } from '../domain.ts';
import { type Domain, change, query, returns } from './define.ts';
import { filePayload, id, text } from './inputs.ts';

export const schoolFields = z.object({
  bin: z.string().trim().max(20),
  nameRu: text(300),
  nameKk: text(300),
  shortName: text(100).min(1),
  type: z.enum(SCHOOL_TYPES),
  locality: text(200),
  director: text(200),
  phone: text(50),
  email: text(200),
  language: z.enum(INSTRUCTION_LANGUAGES),
});

export const schoolsMethods = {
  'schools.list': query({ input: z.object({ includeClosed: z.boolean().default(true) }), output: returns<School[]>(), reads: ['schools'] }),
  'schools.create': change({ input: schoolFields, output: returns<School>(), changes: ['schools'] }),
  'schools.update': change({ input: schoolFields.extend({ id }), output: returns<School>(), changes: ['schools'] }),
  'schools.setActive': change({ input: z.object({ id, active: z.boolean() }), output: returns<School>(), changes: ['schools'] }),
  'schools.importRegistry': change({ input: z.object({ file: filePayload }), output: returns<RegistryImportResult>(), changes: ['schools'] }),
} satisfies Domain<'schools'>;

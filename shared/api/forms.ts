// Report forms: the built-in ones and those a specialist copies and edits.
import { z } from 'zod';
import { formDefinitionSchema } from '../forms/schema.ts';
import type { FormImportResult, FormRecord, FormSaveResult, RegionFormProposal } from '../forms/types.ts';
import { type Domain, change, query, returns } from './define.ts';
import { formVersionNumber } from './campaigns.ts';
import { filePayload, none, text } from './inputs.ts';

export const formVersion = z.object({ id: z.string().trim().min(1).max(40), version: formVersionNumber });

export const formsMethods = {
  'forms.list': query({ input: none, output: returns<FormRecord[]>(), reads: ['forms', 'campaigns'] }),
  'forms.get': query({ input: formVersion, output: returns<FormRecord>(), reads: ['forms', 'campaigns'] }),
  'forms.copy': change({ input: formVersion, output: returns<FormRecord>(), changes: ['forms'] }),
  'forms.save': change({ input: z.object({ form: formDefinitionSchema }), output: returns<FormSaveResult>(), changes: ['forms'] }),
  /** Answers with the forms left. */
  'forms.delete': change({ input: formVersion, output: returns<FormRecord[]>(), changes: ['forms'] }),
  'forms.import': change({ input: z.object({ file: filePayload }), output: returns<FormImportResult>(), changes: ['forms'] }),
  /** A form proposed from the region's own workbook, with what was guessed and why; nothing is stored (the screen saves it as a form file, forms.import). */
  'forms.fromXlsx': change({
    input: z.object({ file: filePayload, sheet: text(100).min(1).optional(), id: z.string().max(40).regex(/^[a-z][a-z0-9_-]{0,39}$/).optional() }),
    output: returns<RegionFormProposal>(),
    changes: [],
  }),
} satisfies Domain<'forms'>;

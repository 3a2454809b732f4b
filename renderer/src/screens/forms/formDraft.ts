// A form not yet stored (proposed from the region's workbook), handed to the editor at #/forms/new. It lives in memory
// only: the editor stores it as a new version with forms.import, as a form file would be.
import type { FormDefinition, FormImportResult } from '../../../../shared/forms/types.ts';
import { FORM_FILE_FORMAT } from '../../../../shared/forms/schema.ts';
import { change } from '../../data/cache.ts';

let draft: FormDefinition | null = null;

export function setFormDraft(form: FormDefinition): void {
  draft = form;
}

export function formDraft(): FormDefinition | null {
  return draft;
}

/** Stores the draft as a new form version: added under its version, or the next free one. */
export async function storeFormDraft(form: FormDefinition): Promise<FormImportResult> {
  const json = JSON.stringify({ format: FORM_FILE_FORMAT, formatVersion: 1, form });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const result = await change('forms.import', { file: { name: `${form.id}-v${form.version}.jinaq-form.json`, base64: btoa(binary) } });
  if (result.record) draft = null;
  return result;
}

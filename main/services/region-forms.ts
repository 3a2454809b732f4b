// A form proposed from the region's own workbook (issue 19): the file opened with every check a school's file gets,
// its sheet read by region-form-reader.ts. Nothing is stored here: the CLI and the Forms screen save the proposal
// (as a form file, or into the database as an imported form) once the specialist has it.
import type { RegionFormProposal } from '../../shared/forms/types.ts';
import { openXlsx } from '../excel/intake/open-workbook.ts';
import { readRegionForm } from '../excel/intake/region-form-reader.ts';

export async function proposeRegionForm(file: { name: string; bytes: Uint8Array }, options: { sheet?: string; id?: string } = {}): Promise<RegionFormProposal> {
  const opened = await openXlsx(file.bytes, file.name);
  if (!opened.ok) return { proposal: null, notes: [], problem: opened.error.message, sheets: [] };
  const reading = readRegionForm(opened.workbook, { fileName: file.name, ...options });
  if (!reading.ok) return { proposal: null, notes: [], problem: reading.problem, sheets: reading.sheets };
  return { proposal: reading.form, notes: reading.notes, problem: null, sheets: reading.sheets };
}

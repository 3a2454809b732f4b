// A cell of a school's file read as its type wants it: a number, yes/no, a text, a date or a web address,
// or exactly why it is not one (the message key and what was found).
import type { IndicatorType, ListColumnType } from '../../../shared/forms/types.ts';
import type { MessageKey, MessageParams } from '../../../shared/messages.ts';
import { hasAtMostTwoDecimals, readNumberText, toTiyn, type NumberNote } from '../../../shared/numbers.ts';
import { normalizeUrl, parseDateText, parseYesNo } from '../../../shared/values.ts';
import { TEXT_LIMIT } from '../layout/value-limits.ts';
import { isInvalidDate, valueText } from './cell-text.ts';
import type { CellValue } from './readable-workbook.ts';

export interface Problem {
  problem: MessageKey;
  params?: MessageParams;
}

/** A value read with a note for the school: a dash read as 0, a unit word dropped. */
type CellReading = { value: number | undefined; note?: NumberNote } | Problem;

/** A cell's number as the school meant it, or why it is not one. */
export function readNumber(raw: CellValue, type: IndicatorType | ListColumnType): CellReading {
  let value: unknown = raw;
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    if ('formula' in raw) {
      const result = raw.result;
      if (result === undefined || result === null) return { problem: 'import.formulaNoValue' };
      value = result;
    }
    if (value !== null && typeof value === 'object' && 'error' in value) {
      return { problem: 'import.formulaError', params: { value: String((value as { error: unknown }).error) } };
    }
    if ('text' in raw && typeof raw.text === 'string') value = raw.text;
  }
  if (value === null || value === undefined) return { value: undefined };
  if (isInvalidDate(value)) return { problem: 'import.invalidDate' };
  if (value instanceof Date) return { problem: 'import.dateNotNumber', params: { value: value.toISOString().slice(0, 10) } };
  let number: number;
  let note: NumberNote | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    if (value.trim() === '') return { value: undefined };
    const reading = readNumberText(value, type === 'money' ? 'money' : 'count');
    if ('problem' in reading) return reading;
    ({ value: number, note } = reading);
  } else return { problem: 'import.notANumber', params: { value: String(value).slice(0, 60) } };
  if (!Number.isFinite(number)) return { problem: 'import.notANumber', params: { value: String(value) } };
  if (number < 0) return { problem: 'import.negative', params: { value: number } };
  // Stored as an integer (money in tiyn): beyond 2^53 digits are lost, and 1e308 is no longer an integer at all.
  if ((type === 'money' ? toTiyn(number) : number) > Number.MAX_SAFE_INTEGER) return { problem: 'import.numberTooLarge', params: { value: number } };
  if (type === 'count' && !Number.isInteger(number)) return { problem: 'import.fraction', params: { value: number } };
  if (type === 'money' && !hasAtMostTwoDecimals(number)) return { problem: 'import.tooManyDecimals', params: { value: number } };
  return note ? { value: number, note } : { value: number };
}


/** What a cell holds once formulas are replaced by their cached result; a formula error or a missing result is a problem. */
function settledValue(raw: CellValue): { value: unknown } | Problem {
  if (isInvalidDate(raw)) return { problem: 'import.invalidDate' };
  if (raw === null || typeof raw !== 'object' || raw instanceof Date) return { value: raw };
  if ('formula' in raw) {
    const result = raw.result;
    if (result === undefined || result === null) return { problem: 'import.formulaNoValue' };
    if (isInvalidDate(result)) return { problem: 'import.invalidDate' };
    if (typeof result === 'object' && 'error' in result) return { problem: 'import.formulaError', params: { value: String((result as { error: unknown }).error) } };
    return { value: result };
  }
  if ('error' in raw) return { problem: 'import.formulaError', params: { value: String(raw.error) } };
  return { value: raw };
}

function shown(value: unknown): string {
  return String(value).trim().slice(0, 60);
}

function readYesNoCell(raw: CellValue): { value: number | undefined } | Problem {
  const settled = settledValue(raw);
  if ('problem' in settled) return settled;
  if (typeof settled.value === 'boolean') return { value: settled.value ? 1 : 0 };
  const answer = parseYesNo(valueText(raw));
  if (answer === 'unknown') return { problem: 'import.notYesNo', params: { value: shown(valueText(raw)) } };
  return { value: answer === null ? undefined : Number(answer) };
}

export type TextReading = { text: string | undefined } | Problem;

function readTextCell(raw: CellValue, limit: number): TextReading {
  const settled = settledValue(raw);
  if ('problem' in settled) return settled;
  const text = valueText(raw);
  if (text === '') return { text: undefined };
  if (text.length > limit) return { problem: 'import.textTooLong', params: { length: text.length, limit } };
  return { text };
}

function readDateCell(raw: CellValue): TextReading {
  const settled = settledValue(raw);
  if ('problem' in settled) return settled;
  const value = settled.value;
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  const text = valueText(raw);
  if (text === '') return { text: undefined };
  const date = typeof value === 'number' ? null : parseDateText(text);
  return date ? { text: date } : { problem: 'import.notADate', params: { value: shown(text) } };
}

function readUrlCell(raw: CellValue): TextReading {
  const settled = settledValue(raw);
  if ('problem' in settled) return settled;
  const value = settled.value;
  const link = value && typeof value === 'object' && 'hyperlink' in value ? String((value as { hyperlink: unknown }).hyperlink) : '';
  const text = link || valueText(raw);
  if (text === '') return { text: undefined };
  const url = normalizeUrl(text);
  return url ? { text: url } : { problem: 'import.badUrl', params: { value: shown(text) } };
}

export type ValueReading = { number: number | undefined; note?: NumberNote } | { text: string | undefined } | Problem;

/**
 * Any typed cell: numbers for count, money and yes/no (1/0), texts for text, date (YYYY-MM-DD) and url; the same for
 * a value typed into the app (a report entered by hand) as for a cell of a file.
 */
export function readTypedValue(raw: CellValue, type: IndicatorType | ListColumnType, textLimit = TEXT_LIMIT): ValueReading {
  switch (type) {
    case 'count':
    case 'money': {
      const reading = readNumber(raw, type);
      if ('problem' in reading) return reading;
      return reading.note ? { number: reading.value, note: reading.note } : { number: reading.value };
    }
    case 'yesno': {
      const reading = readYesNoCell(raw);
      return 'problem' in reading ? reading : { number: reading.value };
    }
    case 'text':
      return readTextCell(raw, textLimit);
    case 'date':
      return readDateCell(raw);
    case 'url':
      return readUrlCell(raw);
  }
}

// Which cell styles show a number as a date, from xl/styles.xml (the number formats and the cell formats that use
// them), and the date a number stands for. The rule is exceljs's, so that the same cells read as dates: a built-in
// date or time format (14–22, 45–47) or a custom one with a date or time token outside quotes and brackets.
import { readXml } from './xml-reader.ts';

const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The date an Excel serial number stands for (an Invalid Date for what is no number, as exceljs gave). */
export function excelDate(serial: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(serial) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** For each cell format (the cell's s attribute), whether it shows a date. */
export function readDateStyles(data: Uint8Array | undefined): boolean[] {
  if (!data) return [];
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellFormats = false;
  readXml(data, {
    open({ name, attributes }) {
      if (name === 'numFmt' && attributes.formatCode !== undefined) {
        customFormats.set(parseInt(attributes.numFmtId, 10), attributes.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) formatIds.push(parseInt(attributes.numFmtId ?? '0', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return formatIds.map((id) => {
    const format = id ? (customFormats.get(id) || BUILT_IN_FORMATS[id]) : undefined;
    return format !== undefined && isDateFormat(format);
  });
}

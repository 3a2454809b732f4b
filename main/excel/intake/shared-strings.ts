// xl/sharedStrings.xml: the texts cells refer to by index. A rich text's runs are joined (what the cell shows);
// phonetic guides (<rPh>) are not part of the text. An <si> with neither text nor runs reads as no value.
import { readXml } from './xml-reader.ts';

/** Excel's escape for characters XML cannot hold, «_x000D_» (upper-case hex only, as exceljs read it). */
export const unescapeText = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export type SharedString = string | null;

export function readSharedStrings(data: Uint8Array | undefined): SharedString[] | undefined {
  if (!data) return undefined;
  const strings: SharedString[] = [];
  let current: { text: string | null; runs: string[] | null } | null = null;
  let run: string | null = null;
  let text: string[] | null = null;
  let phonetic = 0;
  readXml(data, {
    open({ name }) {
      if (name === 'rPh' || phonetic) {
        if (name === 'rPh') phonetic++;
      } else if (name === 'si') current = { text: null, runs: null };
      else if (name === 'r') run = '';
      else if (name === 't') text = [];
    },
    text(chunk) {
      text?.push(chunk);
    },
    close(name) {
      if (name === 'rPh' && phonetic) phonetic--;
      else if (phonetic) return;
      else if (name === 't' && text && current) {
        const value = unescapeText(text.join(''));
        text = null;
        if (run !== null) run += value;
        else current.text = value;
      } else if (name === 'r' && current && run !== null) {
        (current.runs ??= []).push(run);
        run = null;
      } else if (name === 'si' && current) {
        strings.push(current.runs ? current.runs.join('') : current.text);
        current = null;
      }
    },
  });
  return strings;
}

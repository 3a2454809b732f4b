// One part's XML read as a stream of events by saxes: well-formedness checked (the first error throws), no DTD
// processed, no external entity fetched. A DOCTYPE is refused outright: a workbook part never has one, and entity
// definitions are what XML bombs are made of.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type XmlTag = SaxesTagPlain;

export interface XmlHandlers {
  open(tag: XmlTag): void;
  text?(text: string): void;
  close?(name: string): void;
}

const decoder = new TextDecoder('utf-8');

/** Runs the handlers over the part; throws on XML that is not well formed or declares a DOCTYPE. */
export function readXml(data: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw new Error('a DOCTYPE in a workbook part');
  });
  parser.on('opentag', (tag) => handlers.open(tag));
  const { text, close } = handlers;
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (tag) => close(tag.name));
  parser.write(decoder.decode(data)).close();
}

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

type Options = { xmlns: false; position: false };

const refuseDoctype = () => {
  throw new Error('a DOCTYPE in a workbook part');
};

/**
 * A parser that finished a part cleanly starts afresh (saxes resets itself at the end), so it is used again: making
 * one costs more than a small part takes to read. One that threw is dropped. Positions (line and column) are not
 * tracked: an unreadable part is refused whole, never pointed into.
 */
let idle: SaxesParser<Options> | null = null;

/** Runs the handlers over the part; throws on XML that is not well formed or declares a DOCTYPE. */
export function readXml(data: Uint8Array, handlers: XmlHandlers): void {
  const parser = idle ?? new SaxesParser<Options>({ xmlns: false, position: false });
  idle = null;
  parser.on('doctype', refuseDoctype);
  parser.on('opentag', handlers.open);
  const { text, close } = handlers;
  if (text) parser.on('text', text);
  else parser.off('text');
  if (close) parser.on('closetag', (tag) => close(tag.name));
  else parser.off('closetag');
  parser.write(decoder.decode(data)).close();
  idle = parser;
}

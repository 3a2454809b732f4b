// The names of the files Jinaq saves.
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name Windows accepts: no forbidden characters, no trailing dot or space, no reserved device name. */
export function safeFileName(base: string, extension: string): string {
  let name = base.replace(WINDOWS_FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (name === '' || WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name.slice(0, 120)}${extension}`;
}

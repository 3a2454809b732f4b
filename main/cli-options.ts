// The command line's options, apart from the commands: bin/jinaq.js reads them before the commands load
// (cli-readers.ts).
export const OPTIONS = {
  db: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  into: { type: 'string' },
  campaign: { type: 'string' },
  kind: { type: 'string' },
  year: { type: 'string' },
  blank: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  form: { type: 'string' },
  version: { type: 'string' },
  sheet: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

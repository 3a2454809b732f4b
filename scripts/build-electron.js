// Bundles the desktop shell: the main process as ESM (dependencies stay in node_modules), beside it the worker that
// checks a file offered for a restore (main/db/restore-check.ts finds it there) and the worker thread that opens
// school files (main/excel/intake/open-workers.ts), and the preload as CommonJS because a sandboxed preload cannot
// be a module.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node24', packages: 'external', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['main/electron/main.ts'], format: 'esm', outfile: 'dist/electron/main.mjs' });
await build({ ...common, entryPoints: ['main/db/restore-check-worker.ts'], format: 'esm', outfile: 'dist/electron/restore-check-worker.mjs' });
await build({ ...common, entryPoints: ['main/excel/intake/open-worker.ts'], format: 'esm', outfile: 'dist/electron/open-worker.mjs' });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], format: 'cjs', outfile: 'dist/electron/preload.cjs', external: ['electron'] });

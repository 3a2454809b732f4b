// Bundles the desktop shell: the main process as ESM (dependencies stay in node_modules),
// the preload as CommonJS because a sandboxed preload cannot be a module.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node24', packages: 'external', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['main/electron/main.ts'], format: 'esm', outfile: 'dist/electron/main.mjs' });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], format: 'cjs', outfile: 'dist/electron/preload.cjs', external: ['electron'] });

// `npm run dist`: electron-builder for the current OS (electron-builder.yml), nothing published. Arguments after `--`
// go to electron-builder (e.g. `npm run dist -- --win`). When it fails because it could not download Electron or its
// tool bundles from GitHub, it says so and where to go instead of leaving only a stack trace.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'node_modules/electron-builder/cli.js');
const child = spawn(process.execPath, [cli, '--publish', 'never', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });

let tail = '';
const keep = (chunk) => {
  tail = (tail + chunk.toString('utf8')).slice(-200_000);
};
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  keep(chunk);
});
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  keep(chunk);
});

child.on('close', (code, signal) => {
  if (code !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|github\.com/.test(tail)) {
    console.error(
      [
        '',
        'npm run dist could not download what electron-builder needs: Electron itself for the target OS and, for the',
        'installers, its tool bundles (NSIS with its plugins, 7-Zip, appimagetool, fpm), all from GitHub.',
        'Build the installers on a machine that can reach github.com: README.md, section «Installers».',
        'On this machine, `npm run dist:check` packages and checks the app folders offline with a stand-in Electron.',
      ].join('\n'),
    );
  }
  process.exit(code ?? (signal ? 1 : 0));
});

// `npm start`: runs the desktop app. npm does not run Electron's install script (allowScripts),
// so its binary is fetched here on first start; where it cannot be downloaded, say so and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary) {
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  spawnSync(process.execPath, [installer], { stdio: 'inherit' });
  binary = electronBinary();
}
if (!binary) {
  console.error('The Electron binary is not installed and could not be downloaded on this machine.');
  console.error('Run the same app in browser mode instead: npm run web');
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

// `npm start`: runs the desktop app. npm does not run Electron's install script (allowScripts);
// `require('electron')` fetches its binary on first use. Where it cannot be downloaded, say so and point to browser mode.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let binary;
try {
  binary = require('electron');
} catch {
  console.error('The Electron binary is not installed and could not be downloaded on this machine.');
  console.error('Run the same app in browser mode instead: npm run web');
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

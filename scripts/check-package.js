// `npm run dist:check`: packages the app folders for Linux and Windows (electron-builder --linux dir --win dir) offline,
// with stand-ins for Electron's binaries, checks what went into them, and starts the packaged main process under Node
// with a stand-in `electron` module.
// What it proves: the real electron-builder.yml, file lists, asar, asarUnpack, Windows resource editing (icon, version
// info, asar integrity) and fuse flipping produce packages that hold the built app, the migrations and the production
// dependencies (and nothing else), with the target OS's better-sqlite3 binary outside the asar, and that the packaged
// main process opens (and migrates) a database and opens its window on the packaged renderer.
// What it cannot prove: that Electron itself runs the package, and the installers (NSIS, portable, AppImage, deb),
// which need Electron and electron-builder's tool bundles downloaded; see README «Installers».
// Run after `npm run build` (npm run dist:check does both). `--keep` keeps the work folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const yaml = require('js-yaml');
const { NtExecutable, NtExecutableResource, Resource } = require('resedit');

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const started = Date.now();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const failures = [];
function check(ok, what, detail = '') {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}${!ok && detail ? `\n         ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

for (const file of ['dist/electron/main.mjs', 'dist/electron/restore-check-worker.mjs', 'dist/electron/open-worker.mjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, file))) {
    console.error(`${file} is missing: run npm run build first (npm run dist:check does).`);
    process.exit(1);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'jinaq-dist-check-'));
const out = path.join(work, 'release');

// The stand-ins for Electron's binaries carry a fuse wire (@electron/fuses' sentinel, wire version 1, 8 fuses) with
// Electron's default states, so that electron-builder's fuse step runs for real. Order and defaults as in
// @electron/fuses' FuseV1Options and Electron's docs.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
];
const fuseWire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(FUSES.map(([, state]) => state).join(''))]);
// Linux: a shell script that does nothing. Windows: an empty PE with version info (electron-builder edits the .exe's
// resources with resedit, which needs a real PE), the wire after its sections.
const linuxStandIn = Buffer.concat([Buffer.from('#!/bin/sh\n# A stand-in for the Electron binary (scripts/check-package.js).\nexit 1\n# '), fuseWire, Buffer.from('\n')]);
const windowsExe = NtExecutable.createEmpty(false, false);
const windowsResources = NtExecutableResource.from(windowsExe);
const versionInfo = Resource.VersionInfo.createEmpty();
versionInfo.lang = 1033;
versionInfo.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron stand-in', OriginalFilename: 'electron.exe' });
versionInfo.outputToResourceEntries(windowsResources.entries);
windowsResources.outputResource(windowsExe);
windowsExe.setExtraData(fuseWire);
// electronDist as a folder of Electron's zips, one per platform, named as electron-builder looks for them.
const electronDist = path.join(work, 'electron');
mkdirSync(electronDist);
writeFileSync(path.join(electronDist, `electron-v${electronVersion}-linux-x64.zip`), zipSync({ electron: linuxStandIn }));
writeFileSync(path.join(electronDist, `electron-v${electronVersion}-win32-x64.zip`), zipSync({ 'electron.exe': Buffer.from(windowsExe.generate()) }));

// No network: every HTTP(S) request electron-builder might make goes to a closed local port and fails.
const offline = {
  ...process.env,
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '',
  no_proxy: '',
  ELECTRON_GET_USE_PROXY: '1',
  npm_config_offline: 'true',
  CSC_IDENTITY_AUTO_DISCOVERY: 'false',
};

console.log(`Packaging the Linux and Windows app folders with stand-ins for Electron ${electronVersion} (electron-builder --linux dir --win dir --x64, offline) in ${work}`);
const packStarted = Date.now();
const builder = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--win', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`],
  { cwd: root, env: offline, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
);
if (builder.status !== 0) {
  const log = `${builder.stdout ?? ''}${builder.stderr ?? ''}`.split('\n').filter((line) => !line.includes('duplicate dependency references'));
  console.error(log.slice(-40).join('\n'));
  console.error(`electron-builder failed (${builder.error?.message ?? `exit ${builder.status}`}); the work folder is kept: ${work}`);
  process.exit(1);
}
console.log(`electron-builder took ${((Date.now() - packStarted) / 1000).toFixed(1)} s`);

// What both packages must hold, from the project.
const indexHtml = readFileSync(path.join(root, 'dist/renderer/index.html'), 'utf8');
const assets = [...indexHtml.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `dist/renderer/${match[1]}`);
const migrations = readdirSync(path.join(root, 'migrations')).filter((name) => name.endsWith('.sql')).map((name) => `migrations/${name}`);
const allowed = (file) => file === 'package.json' || /^dist\/electron\/(main\.mjs|restore-check-worker\.mjs|open-worker\.mjs|preload\.cjs)$/.test(file) || file.startsWith('dist/renderer/') || /^migrations\/[^/]+\.sql$/.test(file);

// The production dependency tree as Node resolves it from the project, as name@version.
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return null;
  }
}
const production = new Set();
const visited = new Set();
const queue = Object.keys(pkg.dependencies).map((name) => [name, root]);
while (queue.length > 0) {
  const [name, fromDir] = queue.shift();
  const dir = packageDir(name, fromDir);
  if (dir === null || visited.has(dir)) continue; // null: an optional dependency not installed here
  visited.add(dir);
  const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  production.add(`${meta.name}@${meta.version}`);
  for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) queue.push([dep, dir]);
}
const nameOf = (id) => id.slice(0, id.lastIndexOf('@'));
const productionNames = new Set([...production].map(nameOf));
// Whole packages electron-builder.yml leaves out on purpose ("!node_modules/<name or @scope>/**").
const leftOut = config.files.map((pattern) => pattern.match(/^!node_modules\/((?:@[^/*{]+\/)?[^/*{]+)\/\*\*$/)?.[1]).filter(Boolean);
const isLeftOut = (id) => leftOut.some((name) => id.startsWith(`${name}@`) || id.startsWith(`${name}/`));

/** The checks both packages share; returns the archive's file list. */
function checkPackage({ label, appOut, executable, binaries }) {
  console.log(`\n${label}: ${path.relative(out, appOut)}`);
  const archive = path.join(appOut, 'resources', 'app.asar');
  const unpackedDir = `${archive}.unpacked`;
  check(existsSync(executable), `the executable is ${path.relative(out, executable)}`);
  check(existsSync(archive), 'resources/app.asar exists');
  if (!existsSync(archive)) return { archive, files: new Set() };
  const entries = asar.listPackage(archive).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  const files = new Set(entries.filter((entry) => !asar.statFile(archive, entry).files));

  // The app itself: the built main process and preload, the renderer with the assets its page names, the migrations.
  const required = ['package.json', 'dist/electron/main.mjs', 'dist/electron/restore-check-worker.mjs', 'dist/electron/open-worker.mjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', ...assets, ...migrations];
  const absent = required.filter((file) => !files.has(file));
  check(absent.length === 0 && assets.length > 0, `holds the built app: main.mjs, preload.cjs, index.html and its ${assets.length} assets, ${migrations.length} migrations`, absent.join(', '));
  // Outside node_modules nothing else: no sources (main/, renderer/, shared/), test/, bench/, scripts/, build/.
  const strays = [...files].filter((file) => !file.startsWith('node_modules/') && !allowed(file));
  check(strays.length === 0, 'holds nothing else of the project (no main/, renderer/, shared/, test/, bench/, scripts/, build/)', strays.slice(0, 10).join(', '));
  const maps = [...files].filter((file) => file.endsWith('.map'));
  check(maps.length === 0, 'holds no source maps', maps.slice(0, 10).join(', '));

  // node_modules: the production tree, never a devDependency no production package needs. (electron-builder hoists
  // the tree its own way, so packages are compared by name and version, not by path.)
  const packaged = new Set();
  for (const file of files) {
    if (!/^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/.test(file)) continue;
    const meta = JSON.parse(asar.extractFile(archive, file).toString('utf8'));
    if (meta.name && meta.version) packaged.add(`${meta.name}@${meta.version}`);
  }
  const packagedNames = new Set([...packaged].map(nameOf));
  const deps = Object.keys(pkg.dependencies);
  check(deps.every((name) => packagedNames.has(name)), `holds the runtime dependencies (${deps.join(', ')})`, deps.filter((name) => !packagedNames.has(name)).join(', '));
  const extra = [...packaged].filter((id) => !production.has(id));
  check(extra.length === 0, `holds no package outside the production dependency tree (${packaged.size} packages)`, extra.slice(0, 10).join(', '));
  const missing = [...production].filter((id) => !packaged.has(id) && !isLeftOut(id));
  check(missing.length === 0, `holds every package of that tree but those left out on purpose (${leftOut.join(', ')})`, missing.slice(0, 10).join(', '));
  const devOnly = Object.keys(pkg.devDependencies).filter((name) => !productionNames.has(name));
  const devPacked = devOnly.filter((name) => packagedNames.has(name));
  check(devPacked.length === 0, `holds no devDependency (${devOnly.length} checked: electron, react, antd, vite, …)`, devPacked.join(', '));
  const trimmed = [...files].filter((file) => /^node_modules\/(better-sqlite3\/(src|deps)\/|better-sqlite3\/binding\.gyp$|node-addon-api\/|@types\/|exceljs\/dist\/|zod\/src\/)/.test(file));
  check(trimmed.length === 0, "holds none of what electron-builder.yml trims (better-sqlite3's C sources, headers, types, browser bundles)", trimmed.slice(0, 10).join(', '));

  // better-sqlite3: only the target OS's binaries, outside the asar, byte for byte the prebuilt ones.
  const packedBinaries = [...files].filter((file) => file.endsWith('.node')).sort();
  const expected = binaries.map((name) => `node_modules/better-sqlite3/prebuilds/${name}.node`);
  check(JSON.stringify(packedBinaries) === JSON.stringify(expected), `better-sqlite3's native binaries are ${binaries.join(', ')} and no other`, packedBinaries.join(', '));
  for (const binary of packedBinaries) {
    const unpacked = path.join(unpackedDir, binary);
    const same = existsSync(unpacked) && readFileSync(unpacked).equals(readFileSync(path.join(root, binary)));
    check(asar.statFile(archive, binary).unpacked === true && same, `${binary} is in app.asar.unpacked, the prebuilt binary as it is (no rebuild)`);
  }

  // package.json as packaged: the main entry, the name Electron uses for the user-data folder, no dev-only fields.
  const packagedPkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  check(packagedPkg.main === 'dist/electron/main.mjs' && packagedPkg.productName === 'Jinaq', 'package.json: "main" dist/electron/main.mjs, "productName" Jinaq (so userData is …/Jinaq)');
  check(packagedPkg.devDependencies === undefined && packagedPkg.scripts === undefined, 'package.json has no devDependencies or scripts');

  // Fuses: electron-builder flipped the stand-in's wire as electron-builder.yml says.
  if (existsSync(executable)) {
    const binary = readFileSync(executable);
    const wireAt = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(wireAt + 2, wireAt + 2 + FUSES.length).toString('latin1');
    const expectedWire = FUSES.map(([name, state]) => (config.electronFuses[name] === undefined ? state : config.electronFuses[name] ? '1' : '0')).join('');
    check(wire === expectedWire, `fuses flipped as configured (${FUSES.map(([name], i) => `${name}=${wire[i]}`).join(' ')})`, `expected ${expectedWire}`);
  }
  const size = (dir) => globSync('**/*', { cwd: dir }).reduce((sum, file) => sum + (statSync(path.join(dir, file)).isFile() ? statSync(path.join(dir, file)).size : 0), 0);
  console.log(`  app.asar ${(statSync(archive).size / 1e6).toFixed(1)} MB (${files.size} files), app.asar.unpacked ${(size(unpackedDir) / 1e6).toFixed(1)} MB`);
  return { archive, files };
}

// Linux.
const linuxOut = path.join(out, 'linux-unpacked');
const linux = checkPackage({ label: 'Linux', appOut: linuxOut, executable: path.join(linuxOut, config.linux.executableName), binaries: ['linux-arm64', 'linux-x64'] });

// Windows, and what electron-builder writes into Jinaq.exe: the icon, the version info, the asar's integrity hash.
const winOut = path.join(out, 'win-unpacked');
const exePath = path.join(winOut, `${config.executableName}.exe`);
const windows = checkPackage({ label: 'Windows', appOut: winOut, executable: exePath, binaries: ['win32-arm64', 'win32-x64'] });
if (existsSync(exePath)) {
  const entries = NtExecutableResource.from(NtExecutable.from(readFileSync(exePath))).entries;
  const icons = entries.filter((entry) => entry.type === 3).length; // RT_ICON, one per size
  const icoCount = readFileSync(path.join(root, config.win.icon)).readUInt16LE(4);
  check(icons === icoCount && entries.some((entry) => entry.type === 14), `Jinaq.exe has the app icon (${icons} sizes from ${config.win.icon})`, `${icons} icon entries`);
  const [info] = Resource.VersionInfo.fromEntries(entries);
  const strings = info ? info.getStringValues(info.getAllLanguagesForStringValues()[0]) : {};
  check(strings.ProductName === 'Jinaq' && strings.FileVersion === pkg.version && strings.CompanyName === pkg.author.name, `Jinaq.exe's version info: ProductName Jinaq, FileVersion ${pkg.version}, CompanyName ${pkg.author.name}`, JSON.stringify(strings));
  const integrity = entries.find((entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR');
  const headerHash = createHash('sha256').update(asar.getRawHeader(windows.archive).headerString).digest('hex');
  const recorded = integrity ? JSON.parse(Buffer.from(integrity.bin).toString('utf8')) : [];
  check(
    recorded.length === 1 && recorded[0].file === 'resources\\app.asar' && recorded[0].alg === 'SHA256' && recorded[0].value === headerHash,
    "Jinaq.exe carries app.asar's header hash (for the asar integrity fuse)",
    JSON.stringify(recorded),
  );
}
check(
  JSON.stringify([...linux.files].filter((file) => !file.endsWith('.node')).sort()) === JSON.stringify([...windows.files].filter((file) => !file.endsWith('.node')).sort()),
  'both packages hold the same files but for the native binaries',
);

// The packaged main process, started under Node with a stand-in `electron` module, from the Linux asar's contents.
// (Node 24 loads the same Node-API binary Electron would; only on the OS and architecture it was built for.)
console.log('\nThe packaged main process:');
if (process.platform === 'linux' && process.arch === 'x64') {
  const appDir = path.join(work, 'app');
  const userData = path.join(work, 'user-data');
  mkdirSync(userData);
  asar.extractAll(linux.archive, appDir);
  const report = path.join(work, 'smoke.json');
  writeFileSync(path.join(work, 'electron-stub.mjs'), electronStub());
  writeFileSync(
    path.join(work, 'hooks.mjs'),
    `import { registerHooks } from 'node:module';\n` +
      `const stub = ${JSON.stringify(pathToFileURL(path.join(work, 'electron-stub.mjs')).href)};\n` +
      `registerHooks({ resolve: (specifier, context, next) => specifier === 'electron' ? { url: stub, shortCircuit: true } : next(specifier, context) });\n`,
  );
  const smokeEnv = { ...offline, JINAQ_CHECK_APP: appDir, JINAQ_CHECK_USER_DATA: userData, JINAQ_CHECK_REPORT: report };
  delete smokeEnv.JINAQ_DB; // the app's own override of the database path
  delete smokeEnv.NODE_PATH; // only the package's node_modules
  delete smokeEnv.NODE_OPTIONS;
  const smokeStarted = Date.now();
  const smoke = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(work, 'hooks.mjs')).href, path.join(appDir, 'dist/electron/main.mjs')], {
    cwd: work,
    env: smokeEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const result = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
  const output = `${smoke.stdout ?? ''}${smoke.stderr ?? ''}`.trim();
  check(smoke.status === 0 && result.loadFile !== undefined, `starts from the package (${((Date.now() - smokeStarted) / 1000).toFixed(1)} s)`, result.error ?? output.split('\n').slice(-8).join('\n         '));
  if (result.loadFile !== undefined) {
    check(path.resolve(result.loadFile) === path.join(appDir, 'dist/renderer/index.html'), 'its window loads dist/renderer/index.html from the package', result.loadFile);
    check(typeof result.preload === 'string' && path.resolve(result.preload) === path.join(appDir, 'dist/electron/preload.cjs'), 'with dist/electron/preload.cjs from the package as preload', String(result.preload));
  }
  const database = path.join(userData, 'jinaq.sqlite');
  check(existsSync(database), 'it creates userData/jinaq.sqlite');
  if (existsSync(database)) {
    const Database = require('better-sqlite3');
    const db = new Database(database, { fileMustExist: true });
    const applied = db.prepare('SELECT count(*) AS n FROM schema_migrations').get().n;
    db.close();
    check(applied === migrations.length, `and applies the ${migrations.length} packaged migrations to it`, `${applied} applied`);
  }
} else {
  console.log(`  skipped: it loads the linux-x64 binary, this is ${process.platform}-${process.arch}`);
}

console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s in all`);
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed; the work folder is kept: ${work}`);
  process.exit(1);
}
if (keep) console.log(`work folder kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log('The packaged app folders are as electron-builder.yml promises.');

/** The stand-in `electron` module: enough of the main-process API for the packaged main.mjs to start. It writes what
 * the app did to JINAQ_CHECK_REPORT and exits once the window loads its page (or the app shows an error box). */
function electronStub() {
  const modelled = ['app', 'BrowserWindow', 'dialog'];
  const others = [
    'autoUpdater', 'BaseWindow', 'BrowserView', 'clipboard', 'contentTracing', 'contextBridge', 'crashReporter', 'desktopCapturer',
    'globalShortcut', 'ImageView', 'inAppPurchase', 'ipcMain', 'ipcRenderer', 'Menu', 'MenuItem', 'MessageChannelMain', 'nativeImage',
    'nativeTheme', 'net', 'netLog', 'Notification', 'powerMonitor', 'powerSaveBlocker', 'protocol', 'pushNotifications', 'safeStorage',
    'screen', 'session', 'shell', 'systemPreferences', 'TouchBar', 'Tray', 'utilityProcess', 'View', 'webContents', 'WebContentsView',
    'webFrame', 'webFrameMain', 'webUtils',
  ];
  return `// A stand-in for the 'electron' module, written by scripts/check-package.js.
import { writeFileSync } from 'node:fs';
const report = {};
const save = () => writeFileSync(process.env.JINAQ_CHECK_REPORT, JSON.stringify(report));
const done = () => { save(); setTimeout(() => process.exit(0), 200); return Promise.resolve(); };
// What is not modelled: callable, constructible, each property another such thing, never a thenable.
function anything(name) {
  return new Proxy(function () {}, {
    get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => name : anything(name + '.' + String(key))),
    apply: () => anything(name + '()'),
    construct: () => anything('new ' + name),
  });
}
function partly(name, known) {
  return new Proxy(known, { get: (target, key) => (key in target ? target[key] : key === 'then' ? undefined : anything(name + '.' + String(key))) });
}
export const app = partly('app', {
  getAppPath: () => process.env.JINAQ_CHECK_APP,
  getPath: () => process.env.JINAQ_CHECK_USER_DATA,
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  requestSingleInstanceLock: () => true,
  getLocale: () => 'ru',
  getName: () => 'Jinaq',
  getVersion: () => '0.0.0',
  isPackaged: true,
  on: () => app,
  once: () => app,
  quit: () => process.exit(0),
  exit: (code) => process.exit(code ?? 0),
});
export class BrowserWindow {
  constructor(options) {
    report.preload = options?.webPreferences?.preload;
    return partly('BrowserWindow', {
      webContents: anything('webContents'),
      loadFile(file) { report.loadFile = file; return done(); },
      loadURL(url) { report.loadURL = url; return done(); },
      on() { return this; },
      once() { return this; },
    });
  }
  static getAllWindows() { return []; }
  static getFocusedWindow() { return null; }
}
export const dialog = partly('dialog', { showErrorBox: (title, text) => { report.error = title + ': ' + text; save(); } });
${others.map((name) => `export const ${name} = anything('${name}');`).join('\n')}
export default { ${[...modelled, ...others].join(', ')} };
`;
}

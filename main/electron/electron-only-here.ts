// tsconfig.base.json maps the module 'electron' to this file for every project but main/electron's own: so an import of
// Electron anywhere else (main/, shared/, renderer/) is a compile error (TS6307 "… is not listed within the file list of
// project …"), the side-effect `import 'electron'` too. The rest of main/ runs without Electron as well (the CLI,
// browser mode).
export {};

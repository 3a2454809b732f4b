// openpyxl for the tests that read Jinaq's workbooks back as a region's own scripts would.
import { execFileSync } from 'node:child_process';

/** A Python with openpyxl (Debian's python3-openpyxl is under /usr/bin; a pyenv shim may hide it), or undefined. */
export const OPENPYXL_PYTHON = ['/usr/bin/python3', 'python3'].find((python) => {
  try {
    execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
});

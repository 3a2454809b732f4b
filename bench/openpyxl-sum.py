"""What a specialist could script instead of Jinaq, for `npm run bench:import`: openpyxl opens each filled report
of a folder and sums the value cells of its form — the rows under the table's header (row 9) whose column A holds a
row code, their numbers in columns D to K: a one-value row's value in D, a grid row's eight графы from D on
(main/excel/layout/report-layout.ts; «Забота» version 2's help grid) — and nothing else: no recognition, no checks,
nothing stored.

Usage: python3 bench/openpyxl-sum.py [--read-only] FOLDER — prints one line of JSON: the files, the cells, their sum.
openpyxl's default mode (the whole workbook), as a specialist would write it; --read-only is its streaming mode.
"""
import json
import os
import sys

import openpyxl

TABLE_HEADER_ROW = 9
CODE_COLUMN = 1
VALUE_COLUMN = 4
# The widest table of the form: «Забота» version 2's help grid, eight графы from the value column on.
LAST_COLUMN = VALUE_COLUMN + 7


def form_values(path, read_only):
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=read_only)
    sheet = workbook.worksheets[0]
    values = []
    for row in sheet.iter_rows(min_row=TABLE_HEADER_ROW + 1, max_col=LAST_COLUMN, values_only=True):
        code = row[CODE_COLUMN - 1]
        if isinstance(code, str) and code.strip():
            values.extend(value for value in row[VALUE_COLUMN - 1:] if isinstance(value, (int, float)))
    workbook.close()
    return values


def main(args):
    read_only = '--read-only' in args
    folder = [a for a in args if not a.startswith('--')][0]
    files = cells = 0
    total = 0.0
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.xlsx'):
            continue
        values = form_values(os.path.join(folder, name), read_only)
        files += 1
        cells += len(values)
        total += sum(values)
    print(json.dumps({'files': files, 'cells': cells, 'sum': total}))


if __name__ == '__main__':
    main(sys.argv[1:])

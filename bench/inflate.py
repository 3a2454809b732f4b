"""The floor of any .xlsx reader, for `npm run bench:import`: inflate every zip entry of every workbook in a folder.

Usage: python3 bench/inflate.py FOLDER — prints one line of JSON: the files, the entries and the bytes inflated.
"""
import json
import os
import sys
import zipfile


def main(folder):
    files = entries = inflated = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.xlsx'):
            continue
        with zipfile.ZipFile(os.path.join(folder, name)) as workbook:
            for entry in workbook.infolist():
                inflated += len(workbook.read(entry))
                entries += 1
        files += 1
    print(json.dumps({'files': files, 'entries': entries, 'bytes': inflated}))


if __name__ == '__main__':
    main(sys.argv[1])

// Yes/no, dates and web addresses as schools type them (shared/values.ts), table by table.
import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseDateText, parseYesNo } from '../../shared/values.ts';

describe('parseYesNo', () => {
  it.each([
    ['Да', true], ['Иә', true], ['да / иә', true], ['Да / Иә', true], ['YES', true], ['+', true], ['1', true], ['ия', true],
    ['Нет', false], ['Жоқ', false], ['жок', false], ['Нет / Жоқ', false], ['no', false], ['0', false], ['-', false],
    ['', null], ['   ', null],
    ['может быть', 'unknown'], ['2', 'unknown'], ['дане', 'unknown'],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});

describe('parseDateText', () => {
  it.each([
    ['05.06.2026', '2026-06-05'], ['5.6.2026', '2026-06-05'], ['5.6.26', '2026-06-05'], ['05/06/2026', '2026-06-05'],
    ['2026-06-05', '2026-06-05'], ['05.06.2026 г.', '2026-06-05'], ['05.06.2026ж.', '2026-06-05'], ['29.02.2028', '2028-02-29'],
    ['29.02.2026', null], ['32.05.2026', null], ['05.13.2026', null], ['вчера', null], ['2026', null], ['', null], ['06-05-2026', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['https://instagram.com/p/abc', 'https://instagram.com/p/abc'],
    ['http://school1.edu.kz/news?id=5#top', 'http://school1.edu.kz/news?id=5#top'],
    ['instagram.com/p/abc', 'https://instagram.com/p/abc'],
    ['www.facebook.com/school', 'https://www.facebook.com/school'],
    ['vk.com', 'https://vk.com'],
    ['  https://t.me/school1/7  ', 'https://t.me/school1/7'],
    ['мектеп.қаз/жаңалықтар', 'https://мектеп.қаз/жаңалықтар'],
    ['javascript:alert(1)', null],
    ['ftp://files.kz/a', null],
    ['file:///C:/report.docx', null],
    ['http://localhost/x', null],
    ['https://', null],
    ['тел. 8 701 000 00 00', null],
    ['87010000000', null],
    ['Инстаграм школы', null],
    ['', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(normalizeUrl(text)).toBe(expected);
  });
});

/** A column's letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A column's number from its letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/** A cell's address, «D12». */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

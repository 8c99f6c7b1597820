/**
 * Spreadsheet programs run a cell that starts like a formula. OWASP's advice
 * for CSV injection: prefix such text with an apostrophe so it is shown as
 * text. The leading characters are =, +, -, @, tab and carriage return, and
 * their full-width forms (＝ ＋ － ＠), which some spreadsheet locales accept
 * as formula starters too. Every CSV and XLSX writer of the platform passes its
 * text cells through here.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Any cell: text is neutralised, numbers, booleans, dates and null pass unchanged. */
export function csvSafe<T>(cell: T): T {
  return (typeof cell === 'string' ? neutraliseFormula(cell) : cell) as T;
}

import ExcelJS from 'exceljs';
import type { FieldError } from '@gcm/platform';
import { LOCALES, neutraliseFormula, placeholders, SOURCE_LOCALE, type Locale } from '@gcm/platform/pure';
import { textKey, type SourceText, type TranslationRow } from '../i18n/catalogue-i18n';

export const WORKBOOK_SHEET = 'Translations';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KEY_COLUMNS = ['kind', 'code', 'field', 'en'] as const;
const TARGETS = LOCALES.filter((l) => l !== SOURCE_LOCALE);
const MAX_TEXT = 20_000;

/**
 * The English source as a workbook for translators: one row per catalogue
 * text (kind, code, field, English), one column per language, filled with
 * the translations there are. Text cells are formula-neutralised like every
 * XLSX the platform writes.
 */
export async function exportWorkbook(texts: SourceText[], translations: TranslationRow[]): Promise<Buffer> {
  const byKey = new Map(translations.map((t) => [`${textKey(t.entityKind, t.code, t.field)}\u0000${t.locale}`, t.text]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(WORKBOOK_SHEET, { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }] });
  ws.columns = [...KEY_COLUMNS, ...TARGETS].map((key) => ({ header: key, key, width: key === 'en' || key.length === 2 ? 60 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const t of texts) {
    const row: Record<string, string> = { kind: t.kind, code: t.code, field: t.field, en: neutraliseFormula(t.text) };
    for (const l of TARGETS) row[l] = neutraliseFormula(byKey.get(`${textKey(t.kind, t.code, t.field)}\u0000${l}`) ?? '');
    ws.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's text, or an error when it holds something else (a formula, an error value). Neutralised text is read back as written. */
function cellText(cell: ExcelJS.Cell): { text?: string; error?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.startsWith("'") && /^'[=+\-@\t\r＝＋－＠]/.test(v) ? v.slice(1) : v };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v) };
  if (typeof v === 'object' && 'richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return { error: 'a formula is not accepted: type the text' };
  return { error: 'this cell does not hold text' };
}

export interface ParsedWorkbook {
  rows: TranslationRow[];
  errors: FieldError[];
}

/**
 * Reads a filled workbook against today's English catalogue. Every problem
 * is reported by its cell (`fr!F12` style: the column letter and row), and
 * the import writes nothing while there is one: an unknown language column,
 * a row for a text the catalogue does not have (extra key), a catalogue text
 * without a row (missing key), English that changed since the export, and a
 * translation whose `{placeholders}` differ from the English. An empty
 * language cell leaves that translation as it is.
 */
export async function parseWorkbook(buffer: Buffer, texts: SourceText[], source: 'official' | 'unofficial'): Promise<ParsedWorkbook> {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    fail('file', 'the file is not an XLSX workbook');
    return { rows: [], errors };
  }
  const ws = wb.getWorksheet(WORKBOOK_SHEET);
  if (!ws) {
    fail('file', `the workbook has no sheet named ${WORKBOOK_SHEET}`);
    return { rows: [], errors };
  }
  const columns = new Map<string, number>();
  const languages = new Map<Locale, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const name = String(cellText(cell).text ?? '').trim();
    if (!name) return;
    const lower = name.toLowerCase();
    if ((KEY_COLUMNS as readonly string[]).includes(lower)) columns.set(lower, col);
    else if ((TARGETS as readonly string[]).includes(lower)) {
      if (languages.has(lower as Locale)) fail(cell.address, `the language column ${lower} appears twice`);
      languages.set(lower as Locale, col);
    } else fail(cell.address, `unknown language column "${name.slice(0, 40)}": use ${TARGETS.join(', ')}`);
  });
  const lacking = KEY_COLUMNS.filter((k) => !columns.has(k));
  for (const k of lacking) fail(`${WORKBOOK_SHEET}!1`, `the header row lacks the column ${k}`);
  if (lacking.length) return { rows: [], errors };

  const english = new Map(texts.map((t) => [textKey(t.kind, t.code, t.field), t]));
  const seen = new Set<string>();
  const rows: TranslationRow[] = [];
  const at = (row: ExcelJS.Row, col: number) => row.getCell(col);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const read = (col: number) => {
      const { text, error } = cellText(at(row, col));
      if (error) fail(at(row, col).address, error);
      return (text ?? '').trim();
    };
    const [kind, code, field] = (['kind', 'code', 'field'] as const).map((k) => read(columns.get(k) as number));
    if (!kind && !code && !field) return;
    const key = textKey(kind, code, field);
    const cellA = at(row, columns.get('kind') as number).address;
    const src = english.get(key);
    if (!src) return fail(cellA, `extra key: the catalogue has no ${field} of ${kind} ${code}`);
    if (seen.has(key)) return fail(cellA, `${kind} ${code} ${field} appears twice`);
    seen.add(key);
    const en = read(columns.get('en') as number);
    if (en !== src.text.trim()) fail(at(row, columns.get('en') as number).address, 'the English text changed since this workbook was exported: export it again');
    const want = placeholders(src.text).join(', ');
    for (const [locale, col] of languages) {
      const text = read(col);
      if (!text) continue;
      const address = at(row, col).address;
      if (text.length > MAX_TEXT) fail(address, `the text is longer than ${MAX_TEXT} characters`);
      else if (placeholders(text).join(', ') !== want) fail(address, `placeholders {${placeholders(text).join(', ')}} do not match the English {${want}}`);
      else rows.push({ entityKind: kind, code, field, locale, text, source });
    }
  });
  for (const t of texts) {
    if (!seen.has(textKey(t.kind, t.code, t.field))) fail(WORKBOOK_SHEET, `missing key: no row for the ${t.field} of ${t.kind} ${t.code}`);
  }
  return { rows: errors.length ? [] : rows, errors };
}

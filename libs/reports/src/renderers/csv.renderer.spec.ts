import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FORMULA_TITLE, handMadeSummary, hostileObjectiveReport } from '../testing/rendered.fixture';
import { annexTables } from './annex';
import { csvText, renderCsv, renderCsvTables } from './csv.renderer';

describe('renderCsv', () => {
  const doc = handMadeSummary();
  const all = parse(renderCsv(doc), { columns: true, bom: true }) as Record<string, string>[];
  const records = all.filter((r) => r.section !== 'provenance');

  it('opens with the provenance: snapshot id, data as of and framework version', () => {
    const fact = (column: string) => all.find((r) => r.section === 'provenance' && r.column === column)?.value;
    expect(fact('snapshot_id')).toBe(doc.metadata.snapshot.id);
    expect(fact('data_as_of')).toBe(doc.metadata.snapshot.takenAt);
    expect(fact('framework_version')).toBe(String(doc.metadata.snapshot.frameworkVersion));
    expect(all.slice(0, 4).every((r) => r.section === 'provenance')).toBe(true);
  });

  it('has one line per cell of every annex table', () => {
    const cells = annexTables(doc).reduce((n, t) => n + t.rows.length * t.columns.length, 0);
    expect(records).toHaveLength(cells);
    expect(Object.keys(records[0])).toEqual(['section', 'table', 'caption', 'row', 'column', 'label', 'type', 'value']);
  });

  it('keeps the exact share of objective 8 and the raw counts', () => {
    const rowOf8 = records.find((r) => r.table === 'objective-coverage' && r.column === 'objective' && r.value === '8')!.row;
    const cell = (column: string) => records.find((r) => r.table === 'objective-coverage' && r.row === rowOf8 && r.column === column)!;
    expect(Number(cell('share').value)).toBe(6 / 35);
    expect(cell('share').type).toBe('percent');
    expect(cell('reportingStates').value).toBe('6');
    expect(records.find((r) => r.table === 'headline' && r.column === 'value' && r.row === '3')!.value).toBe('0.875');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const hostile = parse(renderCsv(hostileObjectiveReport()), { columns: true, bom: true }) as Record<string, string>[];
    expect(hostile.some((r) => r.value === `'${FORMULA_TITLE}`)).toBe(true);
    expect(hostile.some((r) => r.value === FORMULA_TITLE)).toBe(false);
  });

  it('also splits into one wide CSV per table with a header of labels', () => {
    const files = renderCsvTables(doc);
    const coverage = files.find((f) => f.name === 'objective-coverage.csv')!;
    const rows = parse(coverage.bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Objective', 'Short title', 'Pledges', 'States pledging', 'Reporting States on it', 'Share of reporting States']);
    expect(rows.find((r) => r[0] === '8')).toEqual(['8', 'Saving lives and missing migrants', '12', '10', '6', String(6 / 35)]);
  });

  it('writes the bytes csv-stringify writes (RFC 4180, CRLF), and quotes a bare line break, which csv-stringify left unquoted', () => {
    const records: (string | number)[][] = [
      ['plain', 'with, comma', 'with "quotes"', 'crlf\r\nend', '', ' spaced ', "'=SUM(A1)", 'Côte d’Ivoire'],
      [0, -0, 1.5, 6 / 35, -12, 1e21, 'تعهد', '承诺', '"', ','],
    ];
    expect(csvText(records)).toBe(stringify(records, { record_delimiter: 'windows' }));
    const doc = hostileObjectiveReport();
    const lines = annexTables(doc).flatMap((t) => t.rows.map((r) => t.columns.map((c) => { const v = r[c.key]; return typeof v === 'number' ? v : String(v ?? ''); })));
    expect(csvText(lines)).toBe(stringify(lines, { record_delimiter: 'windows' }));
    // A paragraph's own line break stays inside its field: the file still reads back as the records written.
    const breaks = [['line\nbreak', 'carriage\rreturn', 'last']];
    expect(csvText(breaks)).toBe('"line\nbreak","carriage\rreturn",last\r\n');
    expect(parse(csvText(breaks))).toEqual(breaks);
  });
});

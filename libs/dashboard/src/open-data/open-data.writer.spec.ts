import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Dataset } from './dataset';
import { csvCell, OpenDataFormat, streamDataset } from './open-data.writer';

describe('open-data CSV cells', () => {
  it('joins lists with "; " so one record stays one spreadsheet row', () => {
    expect(csvCell([8, 14, 23])).toBe('8; 14; 23');
    expect(csvCell(['T1', 'T3'])).toBe('T1; T3');
    expect(csvCell([])).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2 percent')).toBe("'-2 percent");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('Objective 8')).toBe('Objective 8');
  });

  it('neutralises a list whose first name starts like a formula (the partners column)', () => {
    expect(csvCell(['=cmd|calc', 'Red Cross'])).toBe("'=cmd|calc; Red Cross");
    expect(csvCell(['Red Cross', '=cmd|calc'])).toBe('Red Cross; =cmd|calc');
    expect(csvCell([-2, 3])).toBe("'-2; 3");
  });

  it('writes dates as ISO 8601 UTC, nested values as JSON and nothing for null', () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell({ value: 3, unit: 'people' })).toBe('{"value":3,"unit":"people"}');
    expect(csvCell([{ title: 'Report', url: 'https://example.org' }])).toBe('{"title":"Report","url":"https://example.org"}');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
});

describe('open-data streaming', () => {
  interface Row {
    id: string;
    tags: string[];
  }
  const rows: Row[] = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, tags: i % 2 ? ['a', 'b'] : [] }));
  const dataset: Dataset<Row> = {
    name: 'practices',
    title: 'Test',
    description: 'Seven rows read three at a time',
    idColumn: 'id',
    columns: [
      { name: 'id', type: 'string', description: 'id', value: (r) => r.id },
      { name: 'tags', type: 'string[]', description: 'tags', value: (r) => r.tags },
    ],
    batch: async (_db, after, size) => {
      const start = after === null ? 0 : rows.findIndex((r) => r.id === after) + 1;
      const slice = rows.slice(start, start + size);
      return { rows: slice, lastId: slice.at(-1)?.id ?? null };
    },
  };

  async function download(format: OpenDataFormat): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await streamDataset({} as DataSource, dataset, format, out as unknown as Response, 3);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('writes every row once, in id order, across batches, with one CSV header', async () => {
    const csv = await download('csv');
    expect(csv.split('\n').filter(Boolean)).toEqual(['id,tags', 'r0,', 'r1,a; b', 'r2,', 'r3,a; b', 'r4,', 'r5,a; b', 'r6,']);
  });

  it('writes a JSON array of objects with exactly the columns, lists as arrays', async () => {
    const json = JSON.parse(await download('json'));
    expect(json).toHaveLength(7);
    expect(json[1]).toEqual({ id: 'r1', tags: ['a', 'b'] });
    expect(json.map((r: Row) => r.id)).toEqual(rows.map((r) => r.id));
  });
});

import { parse } from 'csv-parse/sync';

export type UnStatus = 'member' | 'observer';

export interface Country {
  alpha3: string;
  alpha2: string;
  /** UN M49 code, always three digits: '004' and '4' are the same area, and joins compare strings. */
  m49: string;
  name: string;
  region: string;
  regionM49: string;
  subregion: string;
  subregionM49: string;
  intermediateRegion: string | null;
  intermediateRegionM49: string | null;
  unStatus: UnStatus;
}

const COLUMNS = [
  'alpha3',
  'alpha2',
  'm49',
  'iso_name',
  'region',
  'region_m49',
  'subregion',
  'subregion_m49',
  'intermediate_region',
  'intermediate_region_m49',
  'un_status',
] as const;

type Row = Record<(typeof COLUMNS)[number], string>;

/**
 * Spreadsheet round-trips drop leading zeros ('004' → '4'); restore them rather
 * than reject the file, but refuse anything that is not a number at all.
 */
function m49(value: string, column: string, line: number): string {
  if (!/^\d{1,3}$/.test(value)) throw new Error(`un-states.csv line ${line}: ${column} "${value}" is not an M49 code`);
  return value.padStart(3, '0');
}

function optionalM49(value: string, column: string, line: number): string | null {
  return value === '' ? null : m49(value, column, line);
}

function required(value: string, column: string, line: number): string {
  if (value === '') throw new Error(`un-states.csv line ${line}: ${column} is empty`);
  return value;
}

/**
 * Parses the UN Member States / observer States list. Names such as
 * "Congo, Democratic Republic of the" are quoted and contain commas, which is
 * why this goes through a real CSV parser instead of `split(',')`.
 */
export function parseCountries(csv: string): Country[] {
  const records = parse(csv, {
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = COLUMNS.filter((c) => !names.includes(c));
      if (missing.length > 0) throw new Error(`un-states.csv: missing column(s) ${missing.join(', ')}`);
      return names;
    },
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as { record: Row; info: { lines: number } }[];

  const seen = new Set<string>();
  return records.map(({ record: r, info }) => {
    const line = info.lines;
    const alpha3 = required(r.alpha3, 'alpha3', line).toUpperCase();
    const alpha2 = required(r.alpha2, 'alpha2', line).toUpperCase();
    if (!/^[A-Z]{3}$/.test(alpha3)) throw new Error(`un-states.csv line ${line}: alpha3 "${alpha3}" is not an ISO 3166-1 alpha-3 code`);
    if (!/^[A-Z]{2}$/.test(alpha2)) throw new Error(`un-states.csv line ${line}: alpha2 "${alpha2}" is not an ISO 3166-1 alpha-2 code`);
    if (seen.has(alpha3)) throw new Error(`un-states.csv line ${line}: duplicate alpha3 ${alpha3}`);
    seen.add(alpha3);

    const status = r.un_status.toLowerCase();
    if (status !== 'member' && status !== 'observer') {
      throw new Error(`un-states.csv line ${line}: un_status "${r.un_status}" must be member or observer`);
    }

    return {
      alpha3,
      alpha2,
      m49: m49(r.m49, 'm49', line),
      name: required(r.iso_name, 'iso_name', line),
      region: required(r.region, 'region', line),
      regionM49: m49(r.region_m49, 'region_m49', line),
      subregion: required(r.subregion, 'subregion', line),
      subregionM49: m49(r.subregion_m49, 'subregion_m49', line),
      intermediateRegion: r.intermediate_region === '' ? null : r.intermediate_region,
      intermediateRegionM49: optionalM49(r.intermediate_region_m49, 'intermediate_region_m49', line),
      unStatus: status,
    };
  });
}

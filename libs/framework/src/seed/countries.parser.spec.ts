import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCountries } from './countries.parser';

const SOURCES = path.join(__dirname, '../../../../seeds/sources');
const HEADER =
  'alpha3,alpha2,m49,iso_name,region,region_m49,subregion,subregion_m49,intermediate_region,intermediate_region_m49,un_status';

describe('parseCountries', () => {
  describe('on seeds/sources/un-states.csv', () => {
    const countries = parseCountries(readFileSync(path.join(SOURCES, 'un-states.csv'), 'utf8'));
    const by = (alpha3: string) => countries.find((c) => c.alpha3 === alpha3);

    it('has 193 Member States and 2 observer States', () => {
      expect(countries).toHaveLength(195);
      expect(countries.filter((c) => c.unStatus === 'member')).toHaveLength(193);
      expect(countries.filter((c) => c.unStatus === 'observer').map((c) => c.alpha3).sort()).toEqual(['PSE', 'VAT']);
    });

    it('keeps M49 codes as three-character strings', () => {
      expect(by('AFG')).toEqual({
        alpha3: 'AFG',
        alpha2: 'AF',
        m49: '004',
        name: 'Afghanistan',
        region: 'Asia',
        regionM49: '142',
        subregion: 'Southern Asia',
        subregionM49: '034',
        intermediateRegion: null,
        intermediateRegionM49: null,
        unStatus: 'member',
      });
      for (const c of countries) {
        expect(c.m49).toMatch(/^\d{3}$/);
        expect(c.regionM49).toMatch(/^\d{3}$/);
        expect(c.subregionM49).toMatch(/^\d{3}$/);
      }
    });

    it('reads quoted names containing commas and non-ASCII names', () => {
      expect(by('COD')?.name).toBe('Congo, Democratic Republic of the');
      expect(by('PSE')?.name).toBe('Palestine, State of');
      expect(by('CIV')).toMatchObject({ name: "Côte d'Ivoire", intermediateRegion: 'Western Africa', intermediateRegionM49: '011' });
    });

    it('has unique codes', () => {
      expect(new Set(countries.map((c) => c.alpha3)).size).toBe(195);
      expect(new Set(countries.map((c) => c.alpha2)).size).toBe(195);
      expect(new Set(countries.map((c) => c.m49)).size).toBe(195);
    });

    it('pairs intermediate region name and code', () => {
      for (const c of countries) expect(c.intermediateRegion === null).toBe(c.intermediateRegionM49 === null);
    });
  });

  describe('tolerance', () => {
    it('accepts CRLF, a BOM, blank lines and leading zeros lost by a spreadsheet', () => {
      const csv = `\uFEFF${HEADER}\r\n\r\nAFG,AF,4,Afghanistan,Asia,142,Southern Asia,34,,,member\r\n"BOL",BO,068,"Bolivia, Plurinational State of",Americas,019,Latin America and the Caribbean,419,South America,005,member\r\n`;
      const [afg, bol] = parseCountries(csv);
      expect(afg).toMatchObject({ m49: '004', subregionM49: '034', intermediateRegion: null, intermediateRegionM49: null });
      expect(bol).toMatchObject({ name: 'Bolivia, Plurinational State of', intermediateRegionM49: '005' });
    });
  });

  describe('errors', () => {
    it('names missing columns', () => {
      expect(() => parseCountries('alpha3,alpha2\nAFG,AF')).toThrow(/missing column\(s\) m49, iso_name/);
    });

    it('rejects an unknown UN status, naming the line', () => {
      expect(() => parseCountries(`${HEADER}\nXKX,XK,999,Kosovo,Europe,150,Southern Europe,039,,,other`)).toThrow(
        /line 2: un_status "other"/,
      );
    });

    it('rejects malformed codes and duplicates', () => {
      expect(() => parseCountries(`${HEADER}\nAF,AF,004,Afghanistan,Asia,142,Southern Asia,034,,,member`)).toThrow(/alpha3 "AF"/);
      expect(() => parseCountries(`${HEADER}\nAFG,AF,x04,Afghanistan,Asia,142,Southern Asia,034,,,member`)).toThrow(/m49 "x04"/);
      const row = 'AFG,AF,004,Afghanistan,Asia,142,Southern Asia,034,,,member';
      expect(() => parseCountries(`${HEADER}\n${row}\n${row}`)).toThrow(/line 3: duplicate alpha3 AFG/);
    });
  });
});

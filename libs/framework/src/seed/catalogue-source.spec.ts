import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CATALOGUE_SOURCE_FILES, loadCatalogueSource } from './catalogue-source';

const SOURCES = path.join(__dirname, '../../../../seeds/sources');

describe('loadCatalogueSource', () => {
  it('loads and combines the four real source files', () => {
    const source = loadCatalogueSource(SOURCES);
    expect(source.objectives).toHaveLength(23);
    expect(source.principles).toHaveLength(10);
    expect(source.roundTables).toHaveLength(4);
    expect(source.themes).toHaveLength(5);
    expect(source.crosswalk).toHaveLength(23);
    expect(source.commitments.map((t) => t.commitments.length)).toEqual([3, 6, 6, 8, 7]);
    expect(source.recommendations.map((r) => r.paragraph)).toEqual([101, 102, 103]);
    expect(source.countries).toHaveLength(195);
  });

  describe('with a scratch copy of the sources', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'gcm-seed-'));
      for (const file of Object.values(CATALOGUE_SOURCE_FILES)) copyFileSync(path.join(SOURCES, file), path.join(dir, file));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('fails when a file is missing, naming it', () => {
      rmSync(path.join(dir, CATALOGUE_SOURCE_FILES.countries));
      expect(() => loadCatalogueSource(dir)).toThrow(/un-states\.csv/);
    });

    it('fails when the Markdown themes and the ICMPD themes disagree', () => {
      const file = path.join(dir, CATALOGUE_SOURCE_FILES.framework);
      writeFileSync(file, readFileSync(file, 'utf8').replace('5|Promote cooperation and partnership\n', '5|Promote cooperation and partnership\n6|A sixth theme\n'));
      expect(() => loadCatalogueSource(dir)).toThrow(/\(1,2,3,4,5,6\) do not match themes with commitments .* \(1,2,3,4,5\)/);
    });
  });
});

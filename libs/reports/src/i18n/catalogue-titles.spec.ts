import type { CatalogueSnapshot } from '@gcm/framework';
import { buildRegionReport } from '../builders/region.builder';
import { buildThemeReport } from '../builders/theme.builder';
import type { CatalogueInput, CatalogueTitle } from '../model/catalogue-input.types';
import { catalogueTitles } from '../runs/dataset/catalogue-input';
import { DatasetSlicer } from '../runs/dataset/dataset-slicer';
import type { LoadedDataset } from '../runs/dataset/report-dataset.loader';
import { figureValue, sectionTexts, tableById } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { builderText, catalogueTitle } from './builder-text';

const unisolated = (s: string) => s.replace(/[\u2068\u2069]/g, '');

describe('catalogue titles in reports', () => {
  const data = handMadeDataset();
  data.pledges[0] = { ...data.pledges[0], commitments: ['T1.C2'] };
  const t1 = data.catalogue.themes.find((t) => t.number === 1)!;
  const europe = data.catalogue.countries.filter((c) => c.regionM49 === '150');
  const titles: CatalogueTitle[] = [
    { kind: 'theme', key: 'T1', locale: 'fr', text: 'Données et éléments probants' },
    { kind: 'commitment', key: 'T1.C2', locale: 'fr', text: 'Texte français de T1.C2' },
    { kind: 'objective_short', key: '8', locale: 'fr', text: 'Sauver des vies' },
    { kind: 'theme', key: 'T1', locale: 'ar', text: 'البيانات والأدلة' },
    { kind: 'region', key: '150', locale: 'ar', text: 'أوروبا' },
    { kind: 'region', key: europe[0].subregionM49, locale: 'ar', text: 'منطقة فرعية' },
    { kind: 'country', key: europe[0].alpha3, locale: 'ar', text: 'دولة أوروبية' },
  ];
  const catalogue: CatalogueInput = { ...data.catalogue, titles };

  it('answers the translation of the kind, key and language, else the English text', () => {
    expect(catalogueTitle('theme', 'T1', t1.title, 'fr', catalogue)).toBe('Données et éléments probants');
    expect(catalogueTitle('theme', 'T1', t1.title, 'ar', catalogue)).toBe('البيانات والأدلة');
    expect(catalogueTitle('theme', 'T1', t1.title, 'zh', catalogue)).toBe(t1.title);
    expect(catalogueTitle('theme', 'T1', t1.title, 'en', catalogue)).toBe(t1.title);
    expect(catalogueTitle('theme', 'T2', 'English T2', 'fr', catalogue)).toBe('English T2');
    expect(catalogueTitle('theme', 'T1', t1.title, 'fr')).toBe(t1.title);
    expect(builderText('fr', catalogue).catalogue('objective_short', 8, 'English')).toBe('Sauver des vies');
    expect(builderText('fr').catalogue('objective_short', 8, 'English')).toBe('English');
  });

  it('prints a theme report in French: its words, the translated catalogue titles, English where untranslated, the same figures', () => {
    const en = buildThemeReport({ ...data, catalogue, scope: { theme: 1, cycleCode: CYCLE.code } });
    const fr = buildThemeReport({ ...data, catalogue, scope: { theme: 1, cycleCode: CYCLE.code }, language: 'fr' });
    expect(en.title).toBe(`Theme T1: ${t1.title}`);
    expect(fr.title).toBe('Thème T1 : Données et éléments probants');
    expect(fr.sections.map((s) => s.title)).toEqual(
      ['Résumé', 'Objectifs', 'Engagements concrets', 'Difficultés signalées', 'Rapports d’experts sur les difficultés', 'Notes méthodologiques'],
    );
    const commitments = tableById(fr, 'commitments');
    expect(commitments.columns.map((c) => c.label)).toEqual(['Engagement concret', 'Texte', 'Engagements', 'Rapports']);
    expect(commitments.rows.find((r) => r.code === 'T1.C2')!.text).toBe('Texte français de T1.C2');
    expect(commitments.rows.find((r) => r.code === 'T1.C1')!.text).toBe(tableById(en, 'commitments').rows.find((r) => r.code === 'T1.C1')!.text);
    expect(sectionTexts(fr, 'commitments')).toContain('Aucun engagement ne porte sur T1.C1, T1.C3.');
    expect(tableById(fr, 'objective-coverage').rows.find((r) => r.objective === 8)!.label).toBe('Sauver des vies');
    for (const key of ['pledges', 'updates', 'reportingStates', 'themeRate', 'commitmentsAddressed']) expect(figureValue(fr, key)).toBe(figureValue(en, key));
    expect(tableById(fr, 'objective-coverage').rows).toEqual(tableById(en, 'objective-coverage').rows.map((r) => (r.objective === 8 ? { ...r, label: 'Sauver des vies' } : r)));
  });

  it('prints a region report in Arabic with the region, sub-region and State names translated and the figures unchanged', () => {
    const en = buildRegionReport({ ...data, catalogue, scope: { m49: '150', cycleCode: CYCLE.code } });
    const ar = buildRegionReport({ ...data, catalogue, scope: { m49: '150', cycleCode: CYCLE.code }, language: 'ar' });
    expect(en.title).toBe('Europe: progress report for 2026-H1');
    expect(unisolated(ar.title)).toContain('أوروبا');
    expect(unisolated(ar.title)).toContain('2026-H1');
    expect(ar.sections[0].title).toBe('موجز');
    const states = tableById(ar, 'states');
    expect(states.columns.map((c) => c.label)).toEqual(['الدولة', 'المنطقة الفرعية', 'التعهدات المطلوب عنها تقرير', 'التقارير', 'متأخر', 'قدّمت تقريرًا']);
    expect(states.rows.map((r) => r.state)).toContain('دولة أوروبية');
    expect(states.rows.filter((r) => r.subregion === 'منطقة فرعية').length).toBe(europe.filter((c) => c.subregionM49 === europe[0].subregionM49).length);
    expect(states.rows).toHaveLength(tableById(en, 'states').rows.length);
    for (const key of ['states', 'statesWithPledges', 'reportingStates', 'reportingRate', 'pledgesOwing', 'updates']) expect(figureValue(ar, key)).toBe(figureValue(en, key));
    expect(sectionTexts(ar, 'method').at(-1)).toBe('الدول هي دول منطقة الأمم المتحدة M49 الواردة في الفهرس؛ وتُحتسب التعهدات تحت الدولة التي تقودها.');
  });

  it('takes the translated titles from the localised catalogue, leaving out those that fell back to English', () => {
    const english = {
      objectives: [{ number: 1, title: 'Collect data', shortLabel: 'Data', themes: [], recommendations: [] }],
      themes: [{ code: 'T1', title: 'Data', commitments: [{ code: 'T1.C1', text: 'Do it' }, { code: 'T1.C2', text: 'Do more' }] }],
      recommendations: [{ paragraph: 12, shortTitle: 'Data systems' }],
      roundTables: [{ code: 'RT1', title: 'Round table one' }],
      principles: [{ key: 'sovereignty', name: 'National sovereignty' }],
      countries: [{ alpha3: 'FRA', name: 'France', region: 'Europe', regionM49: '150', subregion: 'Western Europe', subregionM49: '155', intermediateRegion: null, intermediateRegionM49: null }],
    } as unknown as CatalogueSnapshot;
    const view = {
      objectives: [{ number: 1, title: 'Collecter des données', titleLang: 'fr', shortLabel: 'Data', shortLabelLang: 'en', themes: [], recommendations: [] }],
      themes: [{ code: 'T1', title: 'Données', titleLang: 'fr', commitments: [{ code: 'T1.C1', text: 'Le faire', textLang: 'fr' }, { code: 'T1.C2', text: 'Do more', textLang: 'en' }] }],
      recommendations: [{ paragraph: 12, shortTitle: 'Data systems', shortTitleLang: 'en' }],
      roundTables: [{ code: 'RT1', title: 'Table ronde 1', titleLang: 'fr' }],
      principles: [{ key: 'sovereignty', name: 'Souveraineté nationale', nameLang: 'fr' }],
      countries: [{ alpha3: 'FRA', name: 'France', nameLang: 'fr', region: 'Europe', regionM49: '150', subregion: 'Europe occidentale', subregionM49: '155', intermediateRegion: null, intermediateRegionM49: null }],
    } as unknown as CatalogueSnapshot;
    expect(catalogueTitles(english, view, 'fr').map((t) => [t.kind, t.key, t.text])).toEqual([
      ['objective', '1', 'Collecter des données'],
      ['theme', 'T1', 'Données'],
      ['commitment', 'T1.C1', 'Le faire'],
      ['round_table', 'RT1', 'Table ronde 1'],
      ['principle', 'sovereignty', 'Souveraineté nationale'],
      ['region', '155', 'Europe occidentale'],
    ]);
  });

  it("keeps only the report language's titles in a report's slice, so another language's translation never moves its version", () => {
    // As the loader hands it over (plain JSON data, like a stored flow snapshot).
    const loaded: LoadedDataset = { ...JSON.parse(JSON.stringify(data)), catalogue: JSON.parse(JSON.stringify(catalogue)), takenAt: '2026-07-01T00:00:00.000Z', frameworkVersion: 1 };
    const slicer = new DatasetSlicer();
    const target = (language: 'en' | 'fr' | 'ar') => ({ kind: 'theme' as const, scope: 'T1', cycleCodes: [CYCLE.code], cycleIds: ['c'], language });
    const fr = slicer.slice(loaded, target('fr'));
    expect(fr.input.catalogue.titles!.every((t) => t.locale === 'fr')).toBe(true);
    expect(fr.input.catalogue.titles).toHaveLength(3);
    const en = slicer.slice(loaded, target('en'));
    expect(en.input.catalogue.titles).toBeUndefined();
    const moreArabic = { ...loaded, catalogue: { ...loaded.catalogue, titles: [...titles, { kind: 'theme' as const, key: 'T2', locale: 'ar', text: 'الهجرة' }] } };
    expect(new DatasetSlicer().slice(moreArabic, target('en')).hash).toBe(en.hash);
    expect(new DatasetSlicer().slice(moreArabic, target('fr')).hash).toBe(fr.hash);
    expect(new DatasetSlicer().slice(moreArabic, target('ar')).hash).not.toBe(slicer.slice(loaded, target('ar')).hash);
  });

  it('moves the version when a build setting that changes what the report says changes, and only then', () => {
    const loaded: LoadedDataset = { ...JSON.parse(JSON.stringify(data)), catalogue: JSON.parse(JSON.stringify(catalogue)), takenAt: '2026-07-01T00:00:00.000Z', frameworkVersion: 1 };
    const target = { kind: 'imrf_summary' as const, scope: 'global', cycleCodes: [CYCLE.code], cycleIds: ['c'], language: 'en' as const };
    const settings = { weakObjectiveShare: 0.25, narrative: true, publicUrl: 'https://gcm.example.org' };
    const base = new DatasetSlicer().slice(loaded, target, settings).hash;
    expect(new DatasetSlicer().slice(loaded, target, { ...settings }).hash).toBe(base);
    expect(new DatasetSlicer().slice(loaded, target, { ...settings, weakObjectiveShare: 0.5 }).hash).not.toBe(base);
    expect(new DatasetSlicer().slice(loaded, target, { ...settings, narrative: false }).hash).not.toBe(base);
    expect(new DatasetSlicer().slice(loaded, target, { ...settings, publicUrl: 'https://other.example.org' }).hash).not.toBe(base);
  });
});

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Locale } from '@gcm/platform/pure';
import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { buildObjectiveReport } from '../builders/objective.builder';
import { buildRegionReport } from '../builders/region.builder';
import { buildRoundTableReport } from '../builders/round-table.builder';
import { buildStateReport } from '../builders/state.builder';
import { buildThemeReport } from '../builders/theme.builder';
import { ListBlock, ReportDocument } from '../model/document.types';
import { CYCLE, handMadeDataset, overviewDataset } from '../testing/hand-made.fixture';
import { sectionById } from '../testing/document-query';
import { pdfSource } from '../testing/pdf-text';
import { withRealisticIndicators } from '../testing/rendered.fixture';
import { annexTables } from './annex';
import { renderCsv } from './csv.renderer';
import { renderHtml } from './html.renderer';
import { renderPdf } from './pdf.renderer';
import { renderXlsx } from './xlsx.renderer';

const ARABIC = /[\u0600-\u06ff]/;

/** The reports whose annexes hold every kind of annex table: key figures, status distribution, tables, sources cited. */
function reports(language: Locale): ReportDocument[] {
  const overview = overviewDataset();
  return [
    buildImrfSummary({ ...handMadeDataset(), language, scope: { cycleCodes: [CYCLE.code] } }),
    buildRoundTableReport({ ...overview, language, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } }),
  ];
}

/** One report of every kind, each with the tables its builder makes. */
function everyKind(language: Locale): ReportDocument[] {
  const data = withRealisticIndicators();
  return [
    ...reports(language),
    buildStateReport({ ...data, language, scope: { organisationId: data.organisations[2].id, cycleCode: CYCLE.code } }),
    buildObjectiveReport({ ...data, language, scope: { objective: 8, cycleCode: CYCLE.code } }),
    buildThemeReport({ ...data, language, scope: { theme: 1, cycleCode: CYCLE.code } }),
    buildRegionReport({ ...data, language, scope: { m49: '150', cycleCode: CYCLE.code } }),
  ];
}

const csvRows = (doc: ReportDocument) => parse(renderCsv(doc), { columns: true, bom: true }) as Record<string, string>[];

describe('the data annexes in the report language', () => {
  it('French: provenance, key figures, status and sources-cited labels are French; field names and keys are not translated', () => {
    const [summary, round] = reports('fr');
    const rows = csvRows(summary);
    expect(Object.keys(rows[0])).toEqual(['section', 'table', 'caption', 'row', 'column', 'label', 'type', 'value']);
    const provenance = rows.filter((r) => r.section === 'provenance');
    expect(provenance.map((r) => [r.column, r.label])).toEqual([
      ['snapshot_id', 'Instantané'], ['data_as_of', 'Données au'], ['framework_version', 'Version du cadre'], ['language', 'Langue'],
    ]);
    expect(provenance.every((r) => r.caption === 'Provenance')).toBe(true);
    const headline = annexTables(summary).find((t) => t.id === 'headline')!;
    expect(headline.caption).toBe(`${summary.sections[0].title} : chiffres clés`);
    expect(headline.columns.map((c) => [c.key, c.label])).toEqual([['key', 'Clé'], ['label', 'Indicateur'], ['value', 'Valeur'], ['format', 'Format'], ['detail', 'Détail']]);
    const status = annexTables(summary).find((t) => t.id === 'status-distribution')!;
    expect(status.columns.map((c) => c.label)).toEqual(['État', 'Libellé', 'Engagements', 'Part']);
    const cited = annexTables(round).find((t) => t.columns[0].key === 'number')!;
    expect(cited.caption).toMatch(/ : sources citées$/);
    expect(cited.columns.map((c) => c.label)).toEqual(['Note', 'Source', 'Référence', 'Enregistrement', 'Organisation', 'Cycle', 'Titre', 'Citation', 'Lien']);
  });

  it('Arabic: every caption and column label of every annex table of every report kind, and every provenance label, is Arabic', () => {
    const docs = everyKind('ar');
    expect(new Set(docs.map((d) => d.kind)).size).toBe(6);
    for (const doc of docs) {
      for (const t of annexTables(doc)) {
        expect({ kind: doc.kind, table: t.id, caption: ARABIC.test(t.caption) }).toEqual({ kind: doc.kind, table: t.id, caption: true });
        for (const c of t.columns) {
          expect({ kind: doc.kind, table: t.id, column: c.key, label: ARABIC.test(c.label) }).toEqual({ kind: doc.kind, table: t.id, column: c.key, label: true });
        }
      }
      for (const r of csvRows(doc).filter((x) => x.section === 'provenance')) {
        expect({ column: r.column, label: ARABIC.test(r.label), caption: ARABIC.test(r.caption) }).toEqual({ column: r.column, label: true, caption: true });
      }
    }
  });

  it('XLSX: the About sheet and the sheets are named and headed in the report language', async () => {
    const [summary] = reports('fr');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(summary)) as unknown as ArrayBuffer);
    const about = wb.worksheets[0];
    expect(about.name).toBe('À propos');
    const heads = about.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(heads).toEqual(expect.arrayContaining(['Feuille', 'Cycles', 'Données au', 'Langue']));
    const headline = wb.worksheets.find((ws) => ws.name.includes('chiffres clés'))!;
    expect(headline.getRow(1).values).toEqual([undefined, 'Clé', 'Indicateur', 'Valeur', 'Format', 'Détail']);
    for (const ws of wb.worksheets) expect(ws.name).not.toMatch(/key figures|sources cited/);
  });
});

describe('guiding questions, printed as recorded and marked with their language', () => {
  const data = handMadeDataset();
  const rt2 = data.catalogue.roundTables.find((r) => r.code === 'RT2')!;
  rt2.guidingQuestions = [{ objective: 8, text: 'What effective practices have Member States implemented to save lives?' }];
  const questions = (doc: ReportDocument) => sectionById(doc, 'guiding-questions').blocks.find((b): b is ListBlock => b.type === 'list')!;

  it('in a French or Arabic report the section is in that language and the English questions carry lang="en" in HTML and PDF', async () => {
    for (const [language, title] of [['fr', 'Questions directrices'], ['ar', 'الأسئلة التوجيهية']] as const) {
      const doc = buildObjectiveReport({ ...data, language, scope: { objective: 8, cycleCode: CYCLE.code } });
      expect(sectionById(doc, 'guiding-questions').title).toBe(title);
      expect(questions(doc)).toEqual({ type: 'list', ordered: false, items: [rt2.guidingQuestions![0].text], lang: 'en' });
      expect(renderHtml(doc).toString('utf8')).toContain('<ul lang="en"><li>What effective practices have Member States implemented to save lives?</li></ul>');
      expect(pdfSource(await renderPdf(doc))).toMatch(/\/S\s*\/L\s*\/Lang\s*\(en\)/);
    }
  });

  it('in an English report, or for a question recorded in the report language, no language is marked', () => {
    expect(questions(buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } })).lang).toBeUndefined();
    rt2.guidingQuestions = [{ objective: 8, text: 'Quelles pratiques efficaces les États membres ont-ils mises en œuvre ?', language: 'fr' }];
    const fr = buildObjectiveReport({ ...data, language: 'fr', scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(questions(fr).lang).toBeUndefined();
    const en = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(questions(en).lang).toBe('fr');
  });
});

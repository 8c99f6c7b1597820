import { OFFICIAL_OBJECTIVE_TITLES } from './official-objective-titles.fixture';
import { parsePracticesReport } from './practices-report.parser';

/** A one-session report in the Red Book's layout; `card` replaces the card body. */
function doc(card: string[], extra: string[] = []): string {
  return [
    'Part I. Reducing risks',
    '',
    '1.1. Saving lives',
    '',
    'Objective 8 of the Global Compact for Safe, Orderly and',
    'Regular Migration',
    '“Save lives and establish coordinated international efforts on missing migrants.”',
    '',
    'Innovative approaches',
    '',
    '1.1.1 FIRST PRACTICE',
    '',
    ...card,
    '',
    ...extra,
    'Contributors and their interventions',
    '',
    'PANELLISTS',
    '- Someone, Somewhere',
  ].join('\n');
}

const FULL_CARD = [
  'ORGANIZATION', '', 'Council of', 'Europe', '',
  'PERIOD', '', '2021–2025', '',
  'GEOGRAPHICAL SCOPE', '', 'Global', '',
  'DESCRIPTION', '', 'First line wraps', 'onto a second line.', '',
  'IMPACTS', '', '- One.', '- Two.', '',
  'LESSONS LEARNED', '', 'Not available', '',
  'RESOURCES', '', '- [A report \\(2020\\)](#)', '',
  'CONTACT', '', 'Jane Doe, Officer', '', 'jane.doe@example.org',
];

describe('parsePracticesReport on synthetic input', () => {
  it('parses a complete card and matching objective without warnings', () => {
    const report = parsePracticesReport(doc(FULL_CARD), OFFICIAL_OBJECTIVE_TITLES);
    expect(report.sessions).toEqual([
      { number: 1, code: '1.1', part: 1, title: 'Saving lives', objectives: [{ number: 8, quotedTitle: OFFICIAL_OBJECTIVE_TITLES[8] }] },
    ]);
    expect(report.practices).toEqual([
      {
        code: '1.1.1',
        sessionNumber: 1,
        sessionCode: '1.1',
        title: 'First practice',
        brieflyReferred: false,
        organisation: 'Council of Europe',
        period: '2021–2025',
        geographicalScope: 'Global',
        description: 'First line wraps onto a second line.',
        impacts: '- One.\n- Two.',
        lessonsLearned: 'Not available',
        resources: '- A report (2020)',
        contact: 'Jane Doe, Officer\njane.doe@example.org',
      },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('tolerates CRLF line endings', () => {
    const lf = parsePracticesReport(doc(FULL_CARD), OFFICIAL_OBJECTIVE_TITLES);
    const crlf = parsePracticesReport(doc(FULL_CARD).replace(/\n/g, '\r\n'), OFFICIAL_OBJECTIVE_TITLES);
    expect(crlf).toEqual(lf);
  });

  it('keeps an [illegible] marker inside a field, nulls a field that is only illegible, and warns', () => {
    const card = FULL_CARD.map((l) => (l === 'First line wraps' ? 'First line [ illegible ] wraps' : l)).map((l) =>
      l === 'Global' ? '[illegible]' : l,
    );
    const report = parsePracticesReport(doc(card), OFFICIAL_OBJECTIVE_TITLES);
    expect(report.practices[0].description).toBe('First line [illegible] wraps onto a second line.');
    expect(report.practices[0].geographicalScope).toBeNull();
    const illegible = report.warnings.filter((w) => w.kind === 'illegible_text').map((w) => w.field);
    expect(illegible.sort()).toEqual(['description', 'geographicalScope']);
  });

  it('returns null for a field whose label is missing and says so', () => {
    const card = FULL_CARD.filter((l) => l !== 'PERIOD' && l !== '2021–2025');
    const report = parsePracticesReport(doc(card), OFFICIAL_OBJECTIVE_TITLES);
    expect(report.practices[0].period).toBeNull();
    expect(report.practices[0].geographicalScope).toBe('Global');
    expect(report.warnings).toEqual([expect.objectContaining({ kind: 'missing_field', practiceCode: '1.1.1', field: 'period' })]);
  });

  it('strips link stubs, footnote markers and page furniture that land inside a card', () => {
    const card = FULL_CARD.map((l) =>
      l === 'onto a second line.' ? 'onto a [second](#) line (#).¹\n\n27\n\nINTERNATIONAL DIALOGUE ON MIGRATION' : l,
    );
    const report = parsePracticesReport(doc(card), OFFICIAL_OBJECTIVE_TITLES);
    expect(report.practices[0].description).toBe('First line wraps onto a second line.');
  });

  it('reads a wrapped heading with the "briefly referred to" marker and inline labels', () => {
    const text = doc(FULL_CARD).replace(
      '1.1.1 FIRST PRACTICE\n\nORGANIZATION\n\nCouncil of\nEurope',
      '1.1.1 FIRST PRACTICE THAT WRAPS\nONTO TWO LINES (Briefly referred to)\n\nOrganisation: Council of Europe',
    );
    const [practice] = parsePracticesReport(text, OFFICIAL_OBJECTIVE_TITLES).practices;
    expect(practice.title).toBe('First practice that wraps onto two lines');
    expect(practice.brieflyReferred).toBe(true);
    expect(practice.organisation).toBe('Council of Europe');
  });

  it('matches objectives by number, warns on a misquoted title, and accepts a Map', () => {
    const text = doc(FULL_CARD).replace('“Save lives and establish', '“Save many lives and establish');
    const report = parsePracticesReport(text, new Map(Object.entries(OFFICIAL_OBJECTIVE_TITLES).map(([k, v]) => [Number(k), v])));
    expect(report.sessions[0].objectives).toEqual([
      { number: 8, quotedTitle: 'Save many lives and establish coordinated international efforts on missing migrants' },
    ]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ kind: 'objective_title_mismatch', sessionNumber: 1, objectiveNumber: 8 }),
    ]);
  });

  it('treats punctuation, case and spacing differences in a quoted title as a match', () => {
    const text = doc(FULL_CARD).replace(
      '“Save lives and establish coordinated international efforts on missing migrants.”',
      '"SAVE LIVES and establish coordinated  international efforts on missing-migrants"',
    );
    expect(parsePracticesReport(text, OFFICIAL_OBJECTIVE_TITLES).warnings).toEqual([]);
  });

  it('ignores text after the card list (contributors, useful resources)', () => {
    const report = parsePracticesReport(doc(FULL_CARD, ['Useful resources', '', 'Some resource, 2021.']), OFFICIAL_OBJECTIVE_TITLES);
    expect(report.practices).toHaveLength(1);
    expect(report.practices[0].contact).toBe('Jane Doe, Officer\njane.doe@example.org');
  });
});

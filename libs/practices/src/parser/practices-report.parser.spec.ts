import * as fs from 'fs';
import * as path from 'path';
import { extractEmails } from './field-text';
import { OFFICIAL_OBJECTIVE_TITLES } from './official-objective-titles.fixture';
import { PRACTICE_FIELDS, ParsedReport } from './practice.types';
import { parsePracticesReport } from './practices-report.parser';

const SOURCE = path.join(__dirname, '../../../../seeds/sources/004_9df77d66b522c805.txt');

/** Cards whose CONTACT block names a person or mission but prints no e-mail address. */
const CONTACTS_WITHOUT_EMAIL = ['1.2.5', '2.1.5', '2.1.8', '2.1.9', '2.3.1', '2.3.2', '2.3.5', '3.1.3', '3.2.6'];

const BRIEFLY_REFERRED = ['1.1.4', '1.2.3', '1.2.5', '1.2.12', '2.1.8', '2.3.4', '2.3.5', '3.1.7', '3.2.6', '3.2.9', '3.2.12'];

describe('parsePracticesReport on IDM Red Book No. 33', () => {
  let report: ParsedReport;
  const practice = (code: string) => report.practices.find((p) => p.code === code)!;

  beforeAll(() => {
    report = parsePracticesReport(fs.readFileSync(SOURCE, 'utf8'), OFFICIAL_OBJECTIVE_TITLES);
  });

  it('finds the 61 practice cards, each code once, in document order', () => {
    expect(report.practices).toHaveLength(61);
    expect(new Set(report.practices.map((p) => p.code)).size).toBe(61);
    expect(report.practices[0].code).toBe('1.1.1');
    expect(report.practices[60].code).toBe('3.2.12');
  });

  it('finds the 7 sessions, numbered part.session in the document, each quoting objectives', () => {
    expect(report.sessions.map((s) => s.code)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '3.1', '3.2']);
    expect(report.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const session of report.sessions) expect(session.objectives.length).toBeGreaterThanOrEqual(1);
    expect(report.sessions[0].objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 7, 8]);
    expect(report.sessions[2].objectives.map((o) => o.number)).toEqual([4, 5, 14]);
    expect(report.sessions[2].title).toBe('Legal identity: enabling regular migration and access to rights');
  });

  it('ties every card to the session it is printed in', () => {
    const counts = report.sessions.map((s) => report.practices.filter((p) => p.sessionNumber === s.number).length);
    expect(counts).toEqual([7, 12, 10, 2, 7, 11, 12]);
    for (const p of report.practices) expect(p.code.startsWith(`${p.sessionCode}.`)).toBe(true);
  });

  it('gives every card an organisation and a period (the document has no exception)', () => {
    for (const p of report.practices) {
      expect(p.organisation?.trim()).toBeTruthy();
      expect(p.period?.trim()).toBeTruthy();
      expect(p.description?.trim()).toBeTruthy();
      expect(p.contact?.trim()).toBeTruthy();
    }
  });

  it('flags exactly the cards headed "(BRIEFLY REFERRED TO)" and strips the marker', () => {
    expect(report.practices.filter((p) => p.brieflyReferred).map((p) => p.code)).toEqual(BRIEFLY_REFERRED);
    expect(practice('1.1.4').title).toMatch(/^Pre-departure training programme for first-time migrant workers$/i);
    for (const p of report.practices) expect(p.title).not.toMatch(/briefly/i);
  });

  it('reads practice 2.1.9 on Venezuelan migrants in Colombia', () => {
    const p = practice('2.1.9');
    expect(`${p.title} ${p.description}`).toContain('Venezuelan');
    expect(p.organisation).toBe('Migration Department, Government of Colombia');
    expect(p.period).toBe('2021 – present');
    expect(p.resources).toBe('Not available');
  });

  it('warns that session 1.1 quotes objective 4 with objective 5’s title, and nothing else', () => {
    const mismatches = report.warnings.filter((w) => w.kind === 'objective_title_mismatch');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({
      sessionNumber: 1,
      objectiveNumber: 4,
      quoted: 'Enhance availability and flexibility of pathways for regular migration',
      official: OFFICIAL_OBJECTIVE_TITLES[4],
    });
    // Matched by number: the session still lists objective 4, not 5.
    expect(report.sessions[0].objectives.some((o) => o.number === 4)).toBe(true);
  });

  it('keeps the e-mail addresses the contact blocks give', () => {
    for (const p of report.practices) {
      const emails = extractEmails(p.contact);
      if (CONTACTS_WITHOUT_EMAIL.includes(p.code)) expect(emails).toEqual([]);
      else expect(emails.length).toBeGreaterThanOrEqual(1);
    }
    expect(extractEmails(practice('1.2.8').contact)).toEqual(['ccx@mrecic.gov.ar', 'hgj@mrecic.gov.ar', 'aperezesquivel@migraciones.gob.ar']);
    expect(practice('2.3.7').contact).toContain('WedelEM@state.gov');
    expect(practice('3.2.4').contact).toContain('hdempster@CGDEV.ORG');
    expect(practice('1.2.2').contact).toBe('Natsuki Matsumoto, Permanent Mission of Japan to the United Nations\nnatsuki.matsumoto@mofa.go.jp');
  });

  it('leaves no PDF or Markdown residue in any field', () => {
    for (const p of report.practices) {
      for (const value of [p.title, ...PRACTICE_FIELDS.map((f) => p[f])]) {
        if (value === null) continue;
        expect(value).not.toContain('](#)');
        expect(value).not.toContain('(#)');
        expect(value).not.toMatch(/\\[()$[\]]|\*\*|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\r/);
        expect(value).toBe(value.trim());
      }
    }
    expect(practice('1.1.1').resources).toBe(
      '- Council of Europe Action Plan on Protecting Vulnerable Persons in the Context of Migration and Asylum in Europe (2021-2025)',
    );
  });

  it('keeps "Not available" and "Not available yet" as the report prints them', () => {
    const p = practice('2.3.5');
    expect([p.impacts, p.lessonsLearned, p.resources]).toEqual(['Not available', 'Not available', 'Not available']);
    expect(practice('1.2.2').lessonsLearned).toBe('Not available yet');
    expect(practice('1.2.3').lessonsLearned).toBe('Not available yet');
    expect(report.warnings.filter((w) => w.kind === 'missing_field')).toEqual([]);
  });

  it('writes the capitalised headings in sentence case, names and acronyms as the report writes them', () => {
    for (const p of report.practices) {
      expect({ code: p.code, title: p.title }).toEqual({ code: p.code, title: expect.stringMatching(/^[A-Z0-9].*\p{Ll}/u) });
    }
    expect(practice('1.1.5').title).toBe('Project on irregular child migration in Central America and Mexico');
    expect(practice('2.1.4').title).toMatch(/^IOM institutional strategy on legal identity$/i);
    expect(practice('2.1.4').title.startsWith('IOM ')).toBe(true);
    expect(practice('2.2.1').title).toMatch(/^Access to COVID-19 tools \(ACT\) accelerator \+ COVAX facility$/i);
    expect(practice('2.2.1').title).toContain('COVID-19 tools (ACT)');
    expect(practice('2.2.1').title).toContain('COVAX');
    expect(practice('2.3.6').title).toMatch(/\(PREPARE\)$/);
    expect(practice('3.1.5').title).toMatch(/\(EQPR\) - phase III$/);
    expect(practice('2.1.9').title).toMatch(/^Temporary protection for Venezuelan migrants$/i);
    expect(practice('2.1.9').title).toContain('Venezuelan');
    expect(practice('3.1.10').title).toBe('Support to nationals abroad during the pandemic');
  });

  it('re-joins paragraphs cut by page breaks and keeps list items on their own lines', () => {
    expect(practice('1.2.8').description).toContain('To advance the National Plan, regional offices');
    expect(practice('2.3.2').description).toContain('This is important to create strong linkages');
    expect(practice('1.2.5').description).toContain(':\n\n1. Socioeconomic development');
    expect(practice('2.3.1').impacts).toMatch(/^\(intended\)\n- Effective institutional capacities/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuidingQuestions } from './guiding-questions.parser';

const RT2 = [4, 8, 9, 10, 11, 13, 21];
const seed = readFileSync(join(__dirname, '../../../../seeds/sources/003_8840621ed026481f.txt'), 'utf8');

describe('parseGuidingQuestions on seed 003 (RT2 background note)', () => {
  const questions = parseGuidingQuestions(seed, RT2);
  const of = (n: number) => questions.filter((q) => q.objective === n);

  it('finds two to four questions for each of the seven objectives, in order', () => {
    expect(RT2.map((n) => of(n).length)).toEqual([1, 2, 2, 2, 3, 3, 4]);
    expect(questions.every((q, i, all) => i === 0 || all[i - 1].objective < q.objective
      || (all[i - 1].objective === q.objective && all[i - 1].position + 1 === q.position))).toBe(true);
  });

  it('assigns the questions under the lost "Objective 9" heading to objective 9, marked inferred', () => {
    expect(of(9).map((q) => q.text)).toEqual([
      'What effective practices have Member States implemented to prevent and counter the smuggling of migrants, in a way that safeguards the rights of migrants and ensures they are not prosecuted for being smuggled?',
      'What progress has been made with respect to challenges related to the referral of persons who have been smuggled, according to their needs and to providing justice to those who have become victims of crimes?',
    ]);
    expect(of(9).every((q) => q.inferred)).toBe(true);
    expect(questions.filter((q) => q.objective !== 9).some((q) => q.inferred)).toBe(false);
  });

  it('joins questions wrapped over lines that start with a space', () => {
    expect(of(13)[0].text).toBe('What steps, measures and mechanisms have Member States developed to end or reduce the use of immigration detention ' +
      'and what non-custodial community-based alternatives have been developed in the context of migration?');
  });

  it('takes a question with no bullet (objective 4) and skips the running header before the first objective', () => {
    expect(of(4)).toHaveLength(1);
    expect(of(4)[0].text).toMatch(/^What key operational and technical capacities are necessary to improve access to civil registry systems/);
    expect(questions.some((q) => q.text.includes('LEGAL DOCUMENTATION'))).toBe(false);
  });

  it('keeps each question whole, as the note words it', () => {
    expect(of(4)[0].text).toMatch(/while ensuring safeguards for privacy and data protection\?$/);
    expect(of(21)[3].text).toMatch(/^What steps are being taken to ensure sustainable reintegration .* in the country of origin upon return\?$/);
    expect(of(8).map((q) => q.text)).toEqual([
      'What steps can be taken to prevent migrant deaths and injuries, to advance the identification of those who have died or gone missing, and to facilitate communication with affected families?',
      'What are the bottlenecks to the provision of life-saving humanitarian assistance to migrants? How can these be addressed?',
    ]);
  });
});

describe('parseGuidingQuestions on other layouts', () => {
  it('reads CRLF text, "•" bullets and stops at the next numbered section', () => {
    const text = '3. Guiding questions\r\n\r\nObjective 2\r\n• First?\r\n• Second,\r\n  wrapped?\r\n\r\n4. ANNEX ONE\r\nObjective 3\r\n- Not a question of this section?';
    expect(parseGuidingQuestions(text, [2, 3])).toEqual([
      { objective: 2, position: 1, text: 'First?', inferred: false },
      { objective: 2, position: 2, text: 'Second, wrapped?', inferred: false },
    ]);
  });

  it('refuses a heading outside the round table and a text without the section', () => {
    expect(() => parseGuidingQuestions('3. GUIDING QUESTIONS\nObjective 7\n- Q?', [4, 8])).toThrow(/objective 7 is not one of the round table/);
    expect(() => parseGuidingQuestions('1. INTRODUCTION\nnothing here', [4])).toThrow(/no "3. Guiding questions" section/);
  });

  it('does not infer past a gap when the next objective has its own heading', () => {
    const text = '3. GUIDING QUESTIONS\nObjective 4\n- A?\n\n\n\n\n- B?\nObjective 8\n- C?';
    expect(parseGuidingQuestions(text, [4, 8]).map((q) => [q.objective, q.text])).toEqual([[4, 'A?'], [4, 'B?'], [8, 'C?']]);
  });
});

import { CaseDictionary, sentenceCase } from './title-case';

describe('sentenceCase of a capitalised heading, taught by the running text', () => {
  const dict = CaseDictionary.fromLines([
    'Migrants crossing Central America report abuse; IOM and UNHCR run the project in Mexico with the Committee of Ministers.',
    'The project supports migrants and their families, and the project team meets monthly.',
    'HEADINGS IN CAPITALS TEACH NOTHING',
  ]);

  it('keeps names and acronyms as the text writes them and lowers the rest', () => {
    expect(sentenceCase('PROJECT FOR MIGRANTS IN CENTRAL AMERICA AND MEXICO', dict)).toBe('Project for migrants in Central America and Mexico');
    expect(sentenceCase('IOM AND UNHCR SUPPORT TO THE COMMITTEE OF MINISTERS', dict)).toBe('IOM and UNHCR support to the Committee of Ministers');
  });

  it('leaves words with digits, Roman numerals and a parenthesised acronym as printed', () => {
    expect(sentenceCase('INCLUDING MIGRANTS IN COVID-19 PLANS (PREPARE) - PHASE III', dict)).toBe('Including migrants in COVID-19 plans (PREPARE) - phase III');
  });

  it('capitalises the first word and keeps a heading that is not in capitals', () => {
    expect(sentenceCase('THE PROJECT', dict)).toBe('The project');
    expect(sentenceCase('Already written in Sentence case', dict)).toBe('Already written in Sentence case');
  });
});

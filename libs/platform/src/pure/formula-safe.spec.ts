import { csvSafe, isFormulaLike, neutraliseFormula } from './formula-safe';

describe('formula neutralising (CSV injection)', () => {
  it('neutralises text a spreadsheet would execute, and leaves numbers and plain text alone', () => {
    expect(csvSafe('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafe(-5)).toBe(-5);
    expect(csvSafe(null)).toBeNull();
    expect(csvSafe('Rescue at sea')).toBe('Rescue at sea');
  });

  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)'])('prefixes %j with an apostrophe', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves text that only contains a formula character later on', () => {
    expect(neutraliseFormula('Rescues = 50')).toBe('Rescues = 50');
    expect(neutraliseFormula("'=already quoted")).toBe("'=already quoted");
    expect(neutraliseFormula('')).toBe('');
  });
});

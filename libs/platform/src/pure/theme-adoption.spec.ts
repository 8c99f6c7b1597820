import { themeAdoption } from './theme-adoption';

const framework = {
  themes: [1, 2, 3, 4, 5],
  commitments: Array.from({ length: 30 }, (_, i) => `T${(i % 5) + 1}.C${Math.floor(i / 5) + 1}`),
};
const codes = (n: number) => framework.commitments.slice(0, n);

describe('themeAdoption', () => {
  it('counts the themes and commitments of pledged and validated pledges separately', () => {
    const a = themeAdoption([
      { themes: [1, 2, 3], commitments: codes(10), validated: true },
      { themes: [4, 5, 9], commitments: [...codes(16), 'T9.C1'], validated: false },
    ], framework);
    expect(a.pledged).toEqual({ themes: [1, 2, 3, 4, 5], commitments: 16, commitmentShare: 16 / 30, allThemes: true, majority: true, adopted: true });
    expect(a.reported).toEqual({ themes: [1, 2, 3], commitments: 10, commitmentShare: 10 / 30, allThemes: false, majority: false, adopted: false });
    expect([a.totalThemes, a.totalCommitments]).toEqual([5, 30]);
  });

  it('needs more than half: 15 of 30 is no majority', () => {
    const a = themeAdoption([{ themes: [1, 2, 3, 4, 5], commitments: codes(15), validated: true }], framework);
    expect(a.pledged.majority).toBe(false);
    expect(a.pledged.adopted).toBe(false);
  });

  it('gives nothing addressed for a State without pledges', () => {
    const a = themeAdoption([], framework);
    expect(a.pledged).toEqual({ themes: [], commitments: 0, commitmentShare: 0, allThemes: false, majority: false, adopted: false });
  });
});

import { cyclesOfYear, daysLeft } from './cycle-calendar';

describe('reporting cycle calendar', () => {
  it('plans two half-year cycles with deadlines 45 days after each period', () => {
    expect(cyclesOfYear(2026, 'half-year', 45)).toEqual([
      { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', windowOpens: '2026-07-01', deadline: '2026-08-14' },
      { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31', windowOpens: '2027-01-01', deadline: '2027-02-14' },
    ]);
  });

  it('follows the configured cadence', () => {
    const quarters = cyclesOfYear(2028, 'quarter', 30);
    expect(quarters.map((c) => [c.code, c.periodStart, c.periodEnd])).toEqual([
      ['2028-Q1', '2028-01-01', '2028-03-31'],
      ['2028-Q2', '2028-04-01', '2028-06-30'],
      ['2028-Q3', '2028-07-01', '2028-09-30'],
      ['2028-Q4', '2028-10-01', '2028-12-31'],
    ]);
    expect(quarters[0].deadline).toBe('2028-04-30');
    expect(cyclesOfYear(2027, 'year', 45)).toEqual([
      { code: '2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', windowOpens: '2028-01-01', deadline: '2028-02-14' },
    ]);
  });

  it('counts the days left to a deadline, negative when overdue', () => {
    expect(daysLeft('2026-08-14', '2026-08-01')).toBe(13);
    expect(daysLeft('2026-08-14', '2026-08-14')).toBe(0);
    expect(daysLeft('2026-08-14', '2026-08-20')).toBe(-6);
  });
});

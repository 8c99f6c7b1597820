import { LOCALES, catalogueGaps } from '@gcm/platform/pure';
import { REPORT_MESSAGES } from './report-messages';
import { formatDate, reportText } from './report-text';

describe('report text catalogue', () => {
  it('has every English message in all six languages, with the same placeholders', () => {
    expect(catalogueGaps(REPORT_MESSAGES)).toEqual([]);
  });

  it('formats labels and dates in each language', () => {
    expect(reportText('en').pageOf(2, 9)).toBe('Page 2 of 9');
    expect(reportText('fr').pageOf(2, 9)).toBe('Page 2 sur 9');
    expect(reportText('ar').pageOf(2, 9)).toBe('الصفحة 2 من 9');
    expect(formatDate('2026-06-30', 'en')).toBe('2026-06-30');
    expect(formatDate('2026-06-30', 'fr')).toBe('30 juin 2026');
    expect(formatDate('2026-06-30', 'zh')).toBe('2026年6月30日');
    expect(formatDate('2026-06-30', 'ru')).toMatch(/^30 июня 2026/);
    for (const l of LOCALES) expect(reportText(l).dir).toBe(l === 'ar' ? 'rtl' : 'ltr');
  });
});

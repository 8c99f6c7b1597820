import { catalogueGaps } from '@gcm/platform/pure';
import { BUILDER_MESSAGES } from './builder-messages';
import { builderText } from './builder-text';

describe('report builder catalogue', () => {
  it('has every English message in all six languages, with the same placeholders', () => {
    expect(catalogueGaps(BUILDER_MESSAGES)).toEqual([]);
  });

  it('applies each language plural rules to counts', () => {
    // Arabic isolates inserted values holding digits (invisible first-strong isolates).
    const status = (l: 'en' | 'ar' | 'ru' | 'fr', n: number) => builderText(l).t('statusOfOwing', { n, count: builderText(l).count(n) }).replace(/[\u2068\u2069]/g, '');
    expect(status('en', 1)).toBe('Status of the 1 pledge owing an update');
    expect(status('en', 3)).toBe('Status of the 3 pledges owing an update');
    expect(status('ar', 2)).toBe('حالة التعهدين المطلوب تقديم تقرير عنهما (2)');
    expect(status('ar', 5)).toBe('حالة 5 تعهدات مطلوب تقديم تقرير عنها');
    expect(status('ar', 11)).toBe('حالة 11 تعهدًا مطلوبًا تقديم تقرير عنه');
    expect(builderText('fr').count(2500)).toBe('2\u202f500');
  });
});

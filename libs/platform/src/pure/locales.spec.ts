import { LOCALES, isLocale, localeDirection, localeOfTag, negotiateLocale } from './locales';

describe('locales', () => {
  it('are the six UN languages, English the source', () => {
    expect([...LOCALES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('maps tags to their primary language', () => {
    expect(localeOfTag('fr-CA')).toBe('fr');
    expect(localeOfTag('zh-Hant-TW')).toBe('zh');
    expect(localeOfTag('ZH_cn')).toBe('zh');
    expect(localeOfTag('de-DE')).toBeUndefined();
  });

  it('only Arabic is right-to-left', () => {
    expect(LOCALES.filter((l) => localeDirection(l) === 'rtl')).toEqual(['ar']);
  });

  it('negotiates Accept-Language by quality, then order', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(negotiateLocale('es;q=0.5, ar')).toBe('ar');
    expect(negotiateLocale('ru, zh')).toBe('ru');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('fr;q=0')).toBe('en');
    expect(negotiateLocale('de', 'es')).toBe('es');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale(';;;,,q=x,fr;q=abc,ru;q=0.3')).toBe('ru');
  });
});

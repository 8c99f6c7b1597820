import { answerPage, localisedIndex } from './web-locale';

describe('web pages in the six languages', () => {
  it('serves a prefixed address in its language, whatever the browser asks for', () => {
    expect(answerPage('/fr/pledges/GCM-P-2026-00042', '', { acceptLanguage: 'ar' })).toEqual({ locale: 'fr', path: '/pledges/GCM-P-2026-00042' });
    expect(answerPage('/ar', '', {})).toEqual({ locale: 'ar', path: '/' });
  });

  it('moves /en/… to the unprefixed English address, keeping the query', () => {
    expect(answerPage('/en/pledges', '?q=water', {})).toEqual({ redirect: '/pledges?q=water', status: 301 });
  });

  it('sends a first visit to the best Accept-Language, and a returning one to the remembered choice', () => {
    expect(answerPage('/pledges', '?page=2', { acceptLanguage: 'de-DE, fr-CA;q=0.8, en;q=0.5' })).toEqual({ redirect: '/fr/pledges?page=2', status: 302 });
    expect(answerPage('/', '', { acceptLanguage: 'zh-Hans-CN' })).toEqual({ redirect: '/zh', status: 302 });
    expect(answerPage('/pledges', '', { acceptLanguage: 'de, it' })).toEqual({ locale: 'en', path: '/pledges' });
    expect(answerPage('/pledges', '', {})).toEqual({ locale: 'en', path: '/pledges' });
    expect(answerPage('/map', '', { acceptLanguage: 'fr', cookie: 'x=1; gcm_lang=en' })).toEqual({ locale: 'en', path: '/map' });
    expect(answerPage('/map', '', { acceptLanguage: 'en', cookie: 'gcm_lang=ru' })).toEqual({ redirect: '/ru/map', status: 302 });
    expect(answerPage('/map', '', { acceptLanguage: 'en', cookie: 'gcm_lang=xx' })).toEqual({ locale: 'en', path: '/map' });
  });

  it('writes <html lang dir> and the hreflang alternates into index.html', () => {
    const html = localisedIndex('<!doctype html><html lang="en"><head><title>x</title></head><body></body></html>', 'ar', '/pledges/"x"', 'https://gcm.example.org');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<link rel="alternate" hreflang="fr" href="https://gcm.example.org/fr/pledges/&#34;x&#34;" data-alternate />');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://gcm.example.org/pledges/&#34;x&#34;" data-alternate />');
    expect(html.match(/hreflang=/g)).toHaveLength(7);
    expect(localisedIndex('<html lang="en"><head></head>', 'zh', '/', 'http://h')).toContain('<html lang="zh" dir="ltr">');
  });
});

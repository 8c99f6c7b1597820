import { catalogueGaps, formatMessage, formatMessageIn, placeholders, type MessageCatalogue } from './messages';

const catalogue: MessageCatalogue<'pledges' | 'hello'> = {
  en: { pledges: '{n, plural, one {# pledge} other {# pledges}}', hello: 'Hello {name}' },
  fr: { pledges: '{n, plural, one {# engagement} other {# engagements}}', hello: 'Bonjour {name}' },
  ar: {
    pledges: '{n, plural, zero {لا تعهدات} one {تعهد واحد} two {تعهدان} few {# تعهدات} many {# تعهدًا} other {# تعهد}}',
  },
  ru: { pledges: '{n, plural, one {# обязательство} few {# обязательства} many {# обязательств} other {# обязательства}}', hello: 'Здравствуйте, {nom}' },
  es: {},
  zh: {},
};

describe('messages', () => {
  it('formats with the plural rules of each language', () => {
    expect(formatMessage(catalogue, 'fr', 'pledges', { n: 1 })).toBe('1 engagement');
    expect(formatMessage(catalogue, 'ar', 'pledges', { n: 2 })).toBe('تعهدان');
    expect(formatMessage(catalogue, 'ar', 'pledges', { n: 0 })).toBe('لا تعهدات');
    expect(formatMessage(catalogue, 'ru', 'pledges', { n: 5 })).toBe('5 обязательств');
    expect(formatMessage(catalogue, 'ru', 'pledges', { n: 22 })).toBe('22 обязательства');
  });

  it('falls back to English and says so', () => {
    expect(formatMessageIn(catalogue, 'es', 'hello', { name: 'Ana' })).toEqual({ text: 'Hello Ana', lang: 'en' });
    expect(formatMessageIn(catalogue, 'fr', 'hello', { name: 'Ana' })).toEqual({ text: 'Bonjour Ana', lang: 'fr' });
  });

  it('reports missing keys, extra keys and mismatched placeholders', () => {
    const gaps = catalogueGaps({ ...catalogue, es: { extra: 'x' } } as unknown as MessageCatalogue);
    expect(gaps).toContain('ar: missing hello');
    expect(gaps).toContain('es: extra extra');
    expect(gaps).toContain('ru: hello has placeholders {nom} where English has {name}');
    expect(gaps.some((g) => g.startsWith('fr:'))).toBe(false);
  });

  it('finds nested arguments', () => {
    expect(placeholders('{count, plural, one {# in {country}} other {#}} {name}')).toEqual(['count', 'country', 'name']);
  });

  it('does not take the words of a plural or select case for arguments', () => {
    expect(placeholders('{days, plural, =0 {today} one {Pledges, # left} other {# left}}')).toEqual(['days']);
    expect(placeholders('{cycle, select, null {None} other {In {cycle}}}')).toEqual(['cycle']);
    expect(placeholders('{broken')).toEqual(['!unparseable']);
  });
});

import { IntlMessageFormat } from 'intl-messageformat';
import { catalogueGaps, LOCALES, type Locale, type MessageCatalogue } from '@gcm/platform/pure';
import { english, flatten, INTL_LOCALE, setLocale, t } from '../../apps/web/src/i18n';
import { humanMessage } from '../../apps/web/src/forms/server-messages';
import ar from '../../apps/web/src/i18n/messages/ar.json';
import es from '../../apps/web/src/i18n/messages/es.json';
import fr from '../../apps/web/src/i18n/messages/fr.json';
import ru from '../../apps/web/src/i18n/messages/ru.json';
import zh from '../../apps/web/src/i18n/messages/zh.json';

const translated: Record<Exclude<Locale, 'en'>, Record<string, string>> = {
  ar: flatten(ar), zh: flatten(zh), fr: flatten(fr), ru: flatten(ru), es: flatten(es),
};
const catalogue = { en: english, ...translated } as MessageCatalogue;

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
/** Every plural argument of a message with its case selectors (`one`, `few`, `=0`, …). */
function plurals(elements: Element[], out: { name: string; selectors: string[] }[] = []) {
  for (const el of elements) {
    if ('options' in el) {
      if ('pluralType' in el) out.push({ name: el.value, selectors: Object.keys(el.options) });
      for (const o of Object.values(el.options)) plurals(o.value, out);
    }
  }
  return out;
}

describe('web: the interface catalogues in the six UN languages', () => {
  afterEach(() => setLocale('en'));

  it('has every English key in every language, nothing more, with the same placeholders', () => {
    expect(Object.keys(english).length).toBeGreaterThan(900);
    expect(catalogueGaps(catalogue)).toEqual([]);
  });

  it('finds a missing key, an extra key and a changed placeholder (the check is not blind)', () => {
    const broken: Record<string, string> = { ...translated.fr, 'made.up': 'x', 'pledges.by': 'par {nom}' };
    delete broken['nav.home'];
    expect(catalogueGaps({ ...catalogue, fr: broken } as MessageCatalogue).sort()).toEqual([
      'fr: extra made.up',
      'fr: missing nav.home',
      'fr: pledges.by has placeholders {nom} where English has {name}',
    ]);
  });

  it('parses every message, and uses only the plural forms the language has (Arabic six, Russian three and other)', () => {
    const wrong: string[] = [];
    for (const locale of LOCALES) {
      const rules = new Intl.PluralRules(INTL_LOCALE[locale]).resolvedOptions().pluralCategories as string[];
      const messages = locale === 'en' ? english : translated[locale];
      for (const [key, text] of Object.entries(messages)) {
        const format = new IntlMessageFormat(text, INTL_LOCALE[locale]);
        for (const p of plurals(format.getAst())) {
          const unknown = p.selectors.filter((s) => !s.startsWith('=') && !rules.includes(s));
          if (unknown.length) wrong.push(`${locale} ${key}: ${unknown.join(', ')}`);
          if (!p.selectors.includes('other')) wrong.push(`${locale} ${key}: no other`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).toHaveLength(6);
  });

  it('formats with the language’s plural rules and numbers', () => {
    setLocale('ru', translated.ru);
    expect([1, 3, 5, 21].map((n) => t.countries.count(n))).toEqual(['1 государство', '3 государства', '5 государств', '21 государство']);
    setLocale('ar', translated.ar);
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect([0, 1, 2, 3, 11, 100].map((n) => t.reports.count(n))).toEqual(['لا تقارير', 'تقرير واحد', 'تقريران', `${ar(3)} تقارير`, `${ar(11)} تقريرًا`, `${ar(100)} تقرير`]);
    setLocale('fr', translated.fr);
    const fr = (n: number) => new Intl.NumberFormat('fr').format(n);
    expect(t.pledges.results(1234, 1, 20)).toBe(`${fr(1234)} engagements, affichage 1–20.`);
    expect(t.mapLayers.range(10, null)).toBe('10 ou plus');
    expect(t.charts.summary('Engagements', ['Afrique : 3', 'Europe : 5'])).toBe('Engagements : Afrique : 3 et Europe : 5.');
  });

  it('shows the API’s validation messages in the interface language', () => {
    setLocale('fr', translated.fr);
    expect(humanMessage('title must be longer than or equal to 5 characters')).toBe('Utilisez au moins 5 caractères.');
    expect(humanMessage('value must not be greater than 1000000000000')).toBe(`Saisissez ${new Intl.NumberFormat('fr').format(1e12)} ou moins.`);
    setLocale('zh', translated.zh);
    expect(humanMessage('objectives must contain at least 1 elements')).toBe('请至少选择 1 项。');
  });
});

import { IntlMessageFormat } from 'intl-messageformat';
import { catalogueGaps, LOCALES, type Locale, type MessageCatalogue } from '@gcm/platform/pure';
import { compileCatalogue } from '../../apps/web/build/compile-catalogue';
import { en } from '../../apps/web/src/i18n/en';
import { expandAst, isCompiledMessage, type CompiledCatalogue, type CompiledMessage } from '../../apps/web/src/i18n/compiled';
import { INTL_LOCALE, messageParams, setLocale, t } from '../../apps/web/src/i18n';
import { english, flatten } from '../../apps/web/src/i18n/source';
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
const sources: Record<Locale, object | undefined> = { en: undefined, ar, zh, fr, ru, es };
/** Each language compiled as the build compiles it (apps/web/build/catalogues.ts). */
const compiled = Object.fromEntries(LOCALES.map((l) => [l, compileCatalogue(en, sources[l])])) as Record<Locale, CompiledCatalogue>;
const use = (locale: Locale) => setLocale(locale, compiled[locale]);

function at(tree: CompiledCatalogue, key: string): CompiledMessage | undefined {
  let node: CompiledMessage | CompiledCatalogue | undefined = tree;
  for (const part of key.split('.')) node = node && !isCompiledMessage(node) ? node[part] : undefined;
  return isCompiledMessage(node) ? node : undefined;
}

/** Values to format a message with: a base set, then each plural/select/number argument varied over cases that reach every branch. */
function samples(elements: Element[]): Record<string, string | number>[] {
  const kinds = new Map<string, (string | number)[]>();
  const walk = (els: Element[]) => {
    for (const el of els) {
      if (el.type === 6) kinds.set(el.value, [0, 1, 2, 3, 5, 11, 21, 100, 1234.5]);
      else if (el.type === 5) kinds.set(el.value, [...Object.keys(el.options).filter((k) => k !== 'other'), 'something-else']);
      else if (el.type === 2) kinds.set(el.value, [0, 42, 1234.5]);
      else if ((el.type === 1 || el.type === 3 || el.type === 4) && !kinds.has(el.value)) kinds.set(el.value, ['«x»']);
      if ('options' in el) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(elements);
  const base = Object.fromEntries([...kinds].map(([k, v]) => [k, v[0]]));
  return [base, ...[...kinds].flatMap(([k, v]) => v.slice(1).map((x) => ({ ...base, [k]: x })))];
}

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

/** A flat `a.b.c` catalogue back to the nested JSON shape (a key set to undefined is left out). */
function unflatten(flat: Record<string, string | undefined>): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

describe('web: the interface catalogues in the six UN languages', () => {
  afterEach(() => use('en'));

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

  it('compiles every message of every language to an AST that formats exactly as its ICU source, every plural and select case', () => {
    const differ: string[] = [];
    let checked = 0;
    for (const locale of LOCALES) {
      const messages = locale === 'en' ? english : translated[locale];
      for (const [key, text] of Object.entries(messages)) {
        const source = new IntlMessageFormat(text, locale);
        const built = at(compiled[locale], key);
        if (built === undefined) {
          differ.push(`${locale} ${key}: not compiled`);
          continue;
        }
        for (const values of samples(source.getAst())) {
          const want = String(source.format(values));
          const got = typeof built === 'string' ? built : String(new IntlMessageFormat(expandAst(built[1]), locale).format(values));
          checked++;
          if (got !== want) differ.push(`${locale} ${key} ${JSON.stringify(values)}: ${got} ≠ ${want}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(6 * 900);
  });

  it('keeps the argument order of the English catalogue and fills a missing translation with English at build time', () => {
    use('fr');
    expect(messageParams(t.pledges.results)).toEqual(['total', 'from', 'to']);
    const { 'nav.home': _home, ...withoutHome } = translated.fr;
    const lacking = compileCatalogue(en, unflatten({ ...withoutHome, 'pledges.results': undefined }));
    setLocale('fr', lacking);
    expect(t.nav.home).toBe('Home');
    expect(t.nav.pledges).toBe('Engagements');
    // The English message stands in, formatted by English rules (French would write 1,5 and say “one” for 1.5).
    expect(t.pledges.results(1.5, 1, 1)).toBe('1.5 pledges, showing 1–1.');
    expect(t.pledges.results(1, 1, 20)).toBe('1 pledge, showing 1–20.');
  });

  it('formats with the language’s plural rules and numbers', () => {
    use('ru');
    expect([1, 3, 5, 21].map((n) => t.countries.count(n))).toEqual(['1 государство', '3 государства', '5 государств', '21 государство']);
    use('ar');
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect([0, 1, 2, 3, 11, 100].map((n) => t.reports.count(n))).toEqual(['لا تقارير', 'تقرير واحد', 'تقريران', `${ar(3)} تقارير`, `${ar(11)} تقريرًا`, `${ar(100)} تقرير`]);
    use('fr');
    const fr = (n: number) => new Intl.NumberFormat('fr').format(n);
    expect(t.pledges.results(1234, 1, 20)).toBe(`${fr(1234)} engagements, affichage 1–20.`);
    expect(t.mapLayers.range(10, null)).toBe('10 ou plus');
    expect(t.charts.summary('Engagements', ['Afrique : 3', 'Europe : 5'])).toBe('Engagements : Afrique : 3 et Europe : 5.');
  });

  it('shows the API’s validation messages in the interface language', () => {
    use('fr');
    expect(humanMessage('title must be longer than or equal to 5 characters')).toBe('Utilisez au moins 5 caractères.');
    expect(humanMessage('value must not be greater than 1000000000000')).toBe(`Saisissez ${new Intl.NumberFormat('fr').format(1e12)} ou moins.`);
    use('zh');
    expect(humanMessage('objectives must contain at least 1 elements')).toBe('请至少选择 1 项。');
  });
});

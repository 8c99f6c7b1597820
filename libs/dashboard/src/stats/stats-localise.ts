import {
  Locale, MessageCatalogue, TranslationLookup, formatMessage, localisedFields, regionName, translationLookup,
} from '@gcm/platform/pure';
import type { TranslationRow } from '@gcm/platform/pure';

/** Labels of the categories the aggregates name by key (pledger kinds, pledge forms), as the web shows them. */
const en = {
  kind_state: 'State', kind_un_entity: 'UN entity', kind_civil_society: 'Civil society', kind_private_sector: 'Private sector',
  kind_academia: 'Academia', kind_local_authority: 'Local authority', kind_other: 'Other',
  form_policy: 'Policy', form_financial: 'Financial', form_technical: 'Technical', form_process: 'Process',
};
export type StatsMessageKey = keyof typeof en;

export const STATS_MESSAGES: MessageCatalogue<StatsMessageKey> = {
  en,
  fr: {
    kind_state: 'État', kind_un_entity: 'Entité des Nations Unies', kind_civil_society: 'Société civile', kind_private_sector: 'Secteur privé',
    kind_academia: 'Milieu universitaire', kind_local_authority: 'Autorité locale', kind_other: 'Autre',
    form_policy: 'Politique', form_financial: 'Financier', form_technical: 'Technique', form_process: 'Processus',
  },
  es: {
    kind_state: 'Estado', kind_un_entity: 'Entidad de las Naciones Unidas', kind_civil_society: 'Sociedad civil', kind_private_sector: 'Sector privado',
    kind_academia: 'Mundo académico', kind_local_authority: 'Autoridad local', kind_other: 'Otro',
    form_policy: 'Política', form_financial: 'Financiero', form_technical: 'Técnico', form_process: 'Proceso',
  },
  ru: {
    kind_state: 'Государство', kind_un_entity: 'Структура ООН', kind_civil_society: 'Гражданское общество', kind_private_sector: 'Частный сектор',
    kind_academia: 'Научное сообщество', kind_local_authority: 'Местный орган власти', kind_other: 'Другое',
    form_policy: 'Политика', form_financial: 'Финансовое', form_technical: 'Техническое', form_process: 'Процесс',
  },
  ar: {
    kind_state: 'دولة', kind_un_entity: 'كيان تابع للأمم المتحدة', kind_civil_society: 'المجتمع المدني', kind_private_sector: 'القطاع الخاص',
    kind_academia: 'الأوساط الأكاديمية', kind_local_authority: 'سلطة محلية', kind_other: 'غير ذلك',
    form_policy: 'سياساتي', form_financial: 'مالي', form_technical: 'تقني', form_process: 'إجرائي',
  },
  zh: {
    kind_state: '国家', kind_un_entity: '联合国实体', kind_civil_society: '民间社会', kind_private_sector: '私营部门',
    kind_academia: '学术界', kind_local_authority: '地方当局', kind_other: '其他',
    form_policy: '政策', form_financial: '资金', form_technical: '技术', form_process: '进程',
  },
};

/** The English label of a pledger kind or pledge form, for the SQL that lists the categories. */
export const englishLabel = (key: StatsMessageKey): string => en[key];

/** The catalogue texts the aggregates carry, as `catalogue_translation` keys them. */
export const STATS_TRANSLATED_KINDS = ['objective', 'theme', 'recommendation'] as const;

type Json = Record<string, unknown>;
type Rows = Json[] | null | undefined;

/**
 * The aggregates in the request's language: catalogue titles (objectives,
 * themes, SG recommendations) from the catalogue's translations, each with
 * `<field>Lang` and `<field>Source` (official or unofficial; English
 * fallbacks marked `en`, `original`) as the framework answers them; country
 * and region names from CLDR with `nameLang`; pledger kinds and forms from
 * STATS_MESSAGES. Keys, codes and counts are unchanged. English is answered
 * as the SQL built it. One function per aggregate, named by endpoint.
 */
export class StatsLocaliser {
  private readonly t: TranslationLookup;

  constructor(readonly locale: Locale, rows: TranslationRow[]) {
    this.t = translationLookup(rows, locale);
  }

  private objective<T extends Json>(o: T, fields: { title?: string; label?: string }): T {
    const n = String(o.number ?? o.key);
    return {
      ...o,
      ...(fields.title ? localisedFields(fields.title, this.t('objective', n, 'title', String(o[fields.title]))) : {}),
      ...(fields.label ? localisedFields(fields.label, this.t('objective', n, 'shortLabel', String(o[fields.label]))) : {}),
    };
  }

  private theme<T extends Json>(th: T, ...names: string[]): T {
    const code = String(th.code ?? th.key);
    return { ...th, ...Object.assign({}, ...names.map((f) => localisedFields(f, this.t('theme', code, 'title', String(th[f]))))) };
  }

  private recommendation<T extends Json>(r: T): T {
    return { ...r, ...localisedFields('shortTitle', this.t('recommendation', String(r.paragraph), 'shortTitle', String(r.shortTitle))) };
  }

  /** An M49 region (or a country by ISO alpha-2) named in the locale; `names` are the fields holding the English name. */
  private place<T extends Json>(x: T, code: unknown, ...names: string[]): T {
    const out: Json = { ...x };
    for (const f of names) {
      const name = regionName(this.locale, typeof code === 'string' ? code : null, String(x[f]));
      out[f] = name.name;
      out[`${f}Lang`] = name.lang;
    }
    return out as T;
  }

  private label(key: StatsMessageKey): string {
    return formatMessage(STATS_MESSAGES, this.locale, key);
  }

  private map<T extends Json>(rows: Rows, f: (r: Json) => Json): T[] | null | undefined {
    return rows ? (rows.map(f) as T[]) : rows;
  }

  pledgesBy(dimension: string, body: Json): Json {
    const items = body.items as Rows;
    const per: Record<string, (r: Json) => Json> = {
      objective: (r) => this.objective(r, { title: 'title', label: 'label' }),
      theme: (r) => this.theme(r, 'title', 'label'),
      region: (r) => this.place(r, r.key, 'label', 'title'),
      'pledger-kind': (r) => ({ ...r, label: this.label(`kind_${r.key}` as StatsMessageKey), title: this.label(`kind_${r.key}` as StatsMessageKey) }),
      form: (r) => ({ ...r, label: this.label(`form_${r.key}` as StatsMessageKey), title: this.label(`form_${r.key}` as StatsMessageKey) }),
    };
    return { ...body, items: this.map(items, per[dimension] ?? ((r) => r)) };
  }

  coverage(body: Json): Json {
    return {
      ...body,
      objectives: this.map(body.objectives as Rows, (o) => this.objective(o, { label: 'label' })),
      regions: this.map(body.regions as Rows, (r) => this.place(r, r.code, 'name')),
    };
  }

  gaps(body: Json): Json {
    return {
      ...body,
      objectives: this.map(body.objectives as Rows, (o) => this.objective(o, { title: 'title', label: 'label' })),
      themes: this.map(body.themes as Rows, (th) => this.theme(th, 'title')),
      recommendations: this.map(body.recommendations as Rows, (r) => this.recommendation(r)),
    };
  }

  mapStats(body: Json): Json {
    return { ...body, countries: this.map(body.countries as Rows, (c) => this.place(c, c.alpha2, 'name')) };
  }

  objectiveSummary(body: Json): Json {
    return {
      ...body,
      objective: body.objective ? this.objective(body.objective as Json, { title: 'title', label: 'label' }) : body.objective,
      themes: this.map(body.themes as Rows, (th) => this.theme(th, 'title')),
      byRegion: this.map(body.byRegion as Rows, (r) => this.place(r, r.code, 'name')),
      recommendations: this.map(body.recommendations as Rows, (r) => this.recommendation(r)),
    };
  }

  countrySummary(body: Json): Json {
    const c = body.country as Json | null;
    return {
      ...body,
      country: c ? this.place(this.place(this.place(c, c.alpha2, 'name'), c.regionM49, 'region'), c.subregionM49, 'subregion') : c,
      byObjective: this.map(body.byObjective as Rows, (o) => this.objective(o, { label: 'label' })),
    };
  }
}

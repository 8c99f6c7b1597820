import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentLocale, DomainError, type Locale } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { buildSnapshot, CatalogueSnapshot, CountryView } from './framework.snapshot';
import { localiseSnapshot } from './i18n/catalogue-i18n';

export interface CountryFilter {
  region?: string;
  subregion?: string;
  status?: 'member' | 'observer';
}

/**
 * Read side of the catalogue. The snapshot is cached per framework version;
 * one indexed `max(version)` per read keeps every API process current after
 * an edit made through another.
 */
@Injectable()
export class FrameworkService {
  private cache?: { version: number; snapshot: CatalogueSnapshot; localised: Map<Locale, CatalogueSnapshot> };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async currentVersion(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT coalesce(max(version), 0)::int AS v FROM framework_version');
    return row.v as number;
  }

  async catalogue(): Promise<{ version: number; snapshot: CatalogueSnapshot; localised: Map<Locale, CatalogueSnapshot> }> {
    const version = await this.currentVersion();
    if (this.cache?.version !== version) {
      this.cache = { version, snapshot: await buildSnapshot(this.dataSource.manager), localised: new Map() };
    }
    return this.cache;
  }

  /** The catalogue in the request's language (English texts where a translation is missing, marked so), kept per version. */
  async localised(locale: Locale = currentLocale()): Promise<CatalogueSnapshot> {
    const { snapshot, localised } = await this.catalogue();
    let view = localised.get(locale);
    if (!view) {
      view = localiseSnapshot(snapshot, snapshot.translations ?? [], locale);
      localised.set(locale, view);
    }
    return view;
  }

  /** Forget the cache (after an edit in this process, before the version row is visible). */
  invalidate(): void {
    this.cache = undefined;
  }

  async objectives() {
    return (await this.localised()).objectives;
  }

  async objective(number: number) {
    return found((await this.objectives()).find((o) => o.number === number), `Objective ${number}`);
  }

  async principles() {
    return (await this.localised()).principles;
  }

  async principle(key: string) {
    return found((await this.principles()).find((p) => p.key === key.toLowerCase()), `Principle ${key}`);
  }

  async themes() {
    return (await this.localised()).themes;
  }

  /** By number (`2`) or code (`T2`). */
  async theme(key: string) {
    const n = Number(key.replace(/^T/i, ''));
    return found((await this.themes()).find((t) => t.number === n), `Theme ${key}`);
  }

  async commitments() {
    return (await this.themes()).flatMap((t) => t.commitments.map((c) => ({ ...c, theme: t.number })));
  }

  async commitment(code: string) {
    return found((await this.commitments()).find((c) => c.code === code.toUpperCase()), `Commitment ${code}`);
  }

  async recommendations() {
    return (await this.localised()).recommendations;
  }

  async recommendation(paragraph: number) {
    return found((await this.recommendations()).find((r) => r.paragraph === paragraph), `Recommendation ${paragraph}`);
  }

  async roundTables() {
    return (await this.localised()).roundTables;
  }

  /** By code (`RT2`) or number (`2`). */
  async roundTable(key: string) {
    const n = Number(key.replace(/^RT/i, ''));
    return found((await this.roundTables()).find((rt) => rt.number === n), `Round table ${key}`);
  }

  async countries(filter: CountryFilter = {}): Promise<CountryView[]> {
    const matches = (value: string, name: string, code: string) =>
      value.toLowerCase() === name.toLowerCase() || value === code;
    // Filters name regions in English (or by M49 code), whatever the language of the answer.
    const { snapshot } = await this.catalogue();
    const wanted = new Set(snapshot.countries.filter(
      (c) =>
        (!filter.region || matches(filter.region, c.region, c.regionM49)) &&
        (!filter.subregion || matches(filter.subregion, c.subregion, c.subregionM49)) &&
        (!filter.status || c.unStatus === filter.status),
    ).map((c) => c.alpha3));
    return (await this.localised()).countries.filter((c) => wanted.has(c.alpha3));
  }

  /** By ISO alpha-3, alpha-2 or M49 code. */
  async country(code: string) {
    const upper = code.toUpperCase();
    const all = (await this.localised()).countries;
    return found(all.find((c) => c.alpha3 === upper || c.alpha2 === upper || c.m49 === code.padStart(3, '0')), `Country ${code}`);
  }
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw DomainError.notFound(what);
  return value;
}

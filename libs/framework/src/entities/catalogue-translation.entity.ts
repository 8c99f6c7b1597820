import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const TRANSLATION_SOURCES = ['official', 'unofficial'] as const;
export type TranslationSource = (typeof TRANSLATION_SOURCES)[number];

/**
 * One catalogue text in one language other than English (the source, which
 * stays in the catalogue's own tables). `official` texts are the secretariat's,
 * loaded from a UN document; `unofficial` ones ship with the platform and are
 * labelled so wherever they are shown. `version` is the framework version
 * that last wrote the row.
 */
@Entity('catalogue_translation')
@Check('ck_catalogue_translation_source', `"source" IN ('official', 'unofficial')`)
@Check('ck_catalogue_translation_locale', `"locale" IN ('ar', 'zh', 'fr', 'ru', 'es')`)
export class CatalogueTranslation {
  /** objective | principle | theme | commitment | recommendation | round_table */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  entityKind: string;

  /** The record's code as the API names it: 5, a, T2, T2.C4, 101, RT2. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  /** The response field translated: title, shortLabel, name, gist, text, shortTitle. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  field: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  locale: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10 })
  source: TranslationSource;

  @Column({ type: 'int' })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

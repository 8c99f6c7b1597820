import { MigrationInterface, QueryRunner } from 'typeorm';

/** CJK Unified Ideographs (with extension A and the compatibility block): the characters Chinese search cuts into n-grams. */
const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+';

/**
 * The six languages in data and search:
 * - `catalogue_translation`: catalogue texts per language, official or unofficial;
 * - a BCP 47 `language` on organisations (the default), pledges (published face),
 *   progress updates and expert reports, and a user's e-mail language;
 * - full-text search in all six. Each document is indexed under English (the
 *   existing `gcm_search`), under its own language's configuration (french,
 *   spanish, russian, arabic — each behind `unaccent`), under a `simple` +
 *   unaccent form (so any language finds it by its exact words), and, for Han
 *   text, as character unigrams and bigrams (Chinese has no spaces to split
 *   words on; bigrams are the usual n-gram index for it). A query is matched
 *   in English (with the existing rewrites and prefix), in the interface's
 *   language, in Russian and Arabic (their scripts say which language a word
 *   is in), in the simple form and as Han bigrams, OR-ed: one tsquery, so the
 *   existing GIN indexes serve it.
 */
export class I18nContentAndSearch1797200000001 implements MigrationInterface {
  name = 'I18nContentAndSearch1797200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "catalogue_translation" ("entity_kind" character varying(20) NOT NULL, "code" character varying(16) NOT NULL, "field" character varying(16) NOT NULL, "locale" character varying(2) NOT NULL, "text" text NOT NULL, "source" character varying(10) NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_catalogue_translation_locale" CHECK ("locale" IN ('ar', 'zh', 'fr', 'ru', 'es')), CONSTRAINT "ck_catalogue_translation_source" CHECK ("source" IN ('official', 'unofficial')), CONSTRAINT "pk_catalogue_translation_entity_kind_code_field_locale" PRIMARY KEY ("entity_kind", "code", "field", "locale"))`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "language" character varying(35) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" character varying(2)`);
    await queryRunner.query(`ALTER TABLE "expert_report" ADD "language" character varying(35) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD "language" character varying(35)`);
    await queryRunner.query(`ALTER TABLE "progress_update" ADD "language" character varying(35) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`UPDATE pledge SET language = 'en' WHERE published_version IS NOT NULL`);
    // Public pages show catalogue titles in the reader's language: a translation written is a public change (stats_notify).
    for (const [event, referencing] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await queryRunner.query(`CREATE TRIGGER stats_changed_${event.toLowerCase()} AFTER ${event} ON catalogue_translation REFERENCING ${referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION stats_notify('true')`);
    }
    await queryRunner.query('CREATE TRIGGER stats_changed_truncate AFTER TRUNCATE ON catalogue_translation FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()');

    for (const [name, base, stem] of [
      ['gcm_search_fr', 'french', 'french_stem'], ['gcm_search_es', 'spanish', 'spanish_stem'],
      ['gcm_search_ru', 'russian', 'russian_stem'], ['gcm_search_ar', 'arabic', 'arabic_stem'],
    ]) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${base})`);
      await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`);
    }
    await queryRunner.query('CREATE TEXT SEARCH CONFIGURATION gcm_search_simple (COPY = simple)');
    await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION gcm_search_simple
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, simple`);
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE split_part(lower(coalesce(lang, 'en')), '-', 1)
          WHEN 'fr' THEN 'gcm_search_fr' WHEN 'es' THEN 'gcm_search_es' WHEN 'ru' THEN 'gcm_search_ru' WHEN 'ar' THEN 'gcm_search_ar'
          ELSE 'gcm_search' END)::regconfig
      $$`);
    // Han runs as unigrams and overlapping bigrams (documents), or bigrams only (queries; a one-character run stays itself).
    await queryRunner.query(`
      CREATE FUNCTION gcm_han_grams(body text, unigrams boolean) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(g.gram, ' '), '') FROM (
          SELECT substr(m.run[1], i, 2) AS gram
            FROM regexp_matches(coalesce(body, ''), '${HAN}', 'g') AS m(run), generate_series(1, greatest(length(m.run[1]) - 1, 1)) AS i
          UNION ALL
          SELECT substr(m.run[1], i, 1)
            FROM regexp_matches(coalesce(body, ''), '${HAN}', 'g') AS m(run), generate_series(1, length(m.run[1])) AS i
            WHERE unigrams AND length(m.run[1]) > 1) g
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_vector(body text, weight "char", lang text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(
          to_tsvector('gcm_search', t)
          || CASE WHEN gcm_search_config(lang) = 'gcm_search'::regconfig THEN ''::tsvector ELSE to_tsvector(gcm_search_config(lang), t) END
          || to_tsvector('gcm_search_simple', t)
          || to_tsvector('simple', gcm_han_grams(t, true)), weight)
        FROM (SELECT gcm_search_text(body) AS t) x
      $$`);
    // Practices (English cards) and every other caller of the two-argument form get the simple and Han forms too.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION gcm_search_vector(body text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT gcm_search_vector(body, weight, 'en')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_query_in(raw text, lang text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        input text := gcm_search_text(raw);
        q tsquery := gcm_search_query(raw);
        own regconfig := gcm_search_config(lang);
        han text := gcm_han_grams(input, false);
      BEGIN
        -- Nothing but English stop words: as before, no match rather than every document.
        IF numnode(q) = 0 AND han = '' THEN RETURN q; END IF;
        q := q || websearch_to_tsquery('gcm_search_simple', input)
               || websearch_to_tsquery('gcm_search_ru', input)
               || websearch_to_tsquery('gcm_search_ar', input);
        IF own NOT IN ('gcm_search'::regconfig, 'gcm_search_ru'::regconfig, 'gcm_search_ar'::regconfig) THEN
          q := q || websearch_to_tsquery(own, input);
        END IF;
        IF han <> '' THEN q := q || plainto_tsquery('simple', han); END IF;
        RETURN q;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION pledge_search_vector(pledge_id uuid, reference text, title text, description text, lead uuid, lang text)
      RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT gcm_search_vector(concat_ws(' ', title, reference), 'A', lang) || gcm_search_vector(description, 'B', lang) ||
          gcm_search_vector(concat_ws(' ', (SELECT o.name FROM organisation o WHERE o.id = lead),
            (SELECT string_agg(coalesce(xo.name, x.name), ' ') FROM pledge_partner x
               LEFT JOIN organisation xo ON xo.id = x.organisation_id WHERE x.pledge_id = pledge_search_vector.pledge_id)), 'C')
      $$`);
    await this.pledgeTriggers(queryRunner, 'p.id, p.reference, p.title, p.description, p.lead_organisation_id, p.language',
      'NEW.id, NEW.reference, NEW.title, NEW.description, NEW.lead_organisation_id, NEW.language', ', language');
    await queryRunner.query('DROP FUNCTION pledge_search_vector(uuid, text, text, text, uuid)');
    await queryRunner.query('UPDATE practice SET title = title');
    await queryRunner.query('UPDATE pledge p SET search = pledge_search_vector(p.id, p.reference, p.title, p.description, p.lead_organisation_id, p.language)');
  }

  /** The row trigger and the refresh of pledges whose partners or lead organisation changed, calling `pledge_search_vector(args)`. */
  private async pledgeTriggers(queryRunner: QueryRunner, rowArgs: string, newArgs: string, extraColumns: string): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pledge_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := pledge_search_vector(${newArgs});
        RETURN NEW;
      END $$`);
    await queryRunner.query('DROP TRIGGER pledge_search_update ON pledge');
    await queryRunner.query(`CREATE TRIGGER pledge_search_update
      BEFORE INSERT OR UPDATE OF title, description, reference, lead_organisation_id${extraColumns} ON pledge
      FOR EACH ROW EXECUTE FUNCTION pledge_search_update()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pledge_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_TABLE_NAME = 'organisation' THEN
          SELECT array_agg(DISTINCT p.id) INTO ids FROM pledge p
            WHERE p.lead_organisation_id = NEW.id
               OR EXISTS (SELECT 1 FROM pledge_partner x WHERE x.pledge_id = p.id AND x.organisation_id = NEW.id);
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT pledge_id) INTO ids FROM old_rows;
        ELSE
          SELECT array_agg(DISTINCT pledge_id) INTO ids FROM new_rows;
        END IF;
        IF ids IS NOT NULL THEN
          UPDATE pledge p SET search = pledge_search_vector(${rowArgs}) WHERE p.id = ANY (ids);
        END IF;
        RETURN NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pledge_search_vector(pledge_id uuid, reference text, title text, description text, lead uuid)
      RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT gcm_search_vector(concat_ws(' ', title, reference), 'A') || gcm_search_vector(description, 'B') ||
          gcm_search_vector(concat_ws(' ', (SELECT o.name FROM organisation o WHERE o.id = lead),
            (SELECT string_agg(coalesce(xo.name, x.name), ' ') FROM pledge_partner x
               LEFT JOIN organisation xo ON xo.id = x.organisation_id WHERE x.pledge_id = pledge_search_vector.pledge_id)), 'C')
      $$`);
    await this.pledgeTriggers(queryRunner, 'p.id, p.reference, p.title, p.description, p.lead_organisation_id',
      'NEW.id, NEW.reference, NEW.title, NEW.description, NEW.lead_organisation_id', '');
    await queryRunner.query('DROP FUNCTION pledge_search_vector(uuid, text, text, text, uuid, text)');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION gcm_search_vector(body text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('gcm_search', gcm_search_text(body)), weight)
      $$`);
    await queryRunner.query('DROP FUNCTION gcm_search_query_in(text, text)');
    await queryRunner.query('DROP FUNCTION gcm_search_vector(text, "char", text)');
    await queryRunner.query('DROP FUNCTION gcm_han_grams(text, boolean)');
    await queryRunner.query('DROP FUNCTION gcm_search_config(text)');
    for (const name of ['gcm_search_simple', 'gcm_search_ar', 'gcm_search_ru', 'gcm_search_es', 'gcm_search_fr']) {
      await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    }
    await queryRunner.query('UPDATE practice SET title = title');
    await queryRunner.query('UPDATE pledge p SET search = pledge_search_vector(p.id, p.reference, p.title, p.description, p.lead_organisation_id)');
    await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "pledge" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "expert_report" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "language"`);
    await queryRunner.query(`DROP TABLE "catalogue_translation"`);
  }
}

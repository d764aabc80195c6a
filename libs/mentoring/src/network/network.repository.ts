import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MENTOR_COLUMNS, type MentorRow, toMentor } from '../mentors/mentor.repository.js';
import { notBlocked } from '../mentorships/mentoring-block.repository.js';
import { NETWORK_LIMITS } from './network.inputs.js';
import { type GapSuggestion, NetworkContact, type NetworkGap, NetworkWant, type NetworkWantKind } from './network.model.js';

/**
 * A student's network map (`network_contact`, `network_want`) and its gaps. Raw parameterised SQL through the
 * caller's EntityManager (CONTRIBUTING, "Repositories hold the SQL"); every read is scoped to the owner, so nobody
 * reads anyone else's contacts or wants through here.
 */
interface ContactRow {
  id: string;
  person_id: string | null;
  name: string;
  sector: string | null;
  organisation: string | null;
  role: string | null;
  relation: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

interface WantRow {
  id: string;
  kind: NetworkWantKind;
  value: string;
  created_at: Date;
}

const CONTACT_COLUMNS = `c.id, c.person_id, c.name, c.sector, c.organisation, c.role, c.relation, c.notes, c.created_at, c.updated_at`;
const WANT_COLUMNS = `w.id, w.kind::text AS kind, w.value, w.created_at`;

const toContact = (r: ContactRow): NetworkContact =>
  Object.assign(new NetworkContact(), {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    sector: r.sector,
    organisation: r.organisation,
    role: r.role,
    relation: r.relation,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

const toWant = (r: WantRow): NetworkWant => Object.assign(new NetworkWant(), { id: r.id, kind: r.kind, value: r.value, createdAt: r.created_at });

/** A contact as written. */
export interface ContactFields {
  personId: string | null;
  name: string;
  sector: string | null;
  organisation: string | null;
  role: string | null;
  relation: string | null;
  notes: string | null;
}

/**
 * The gaps of `w` (wants of the owner `$1`) that no contact of theirs covers: same sector, organisation or role,
 * folded. Shared by the map and by the suggestions' ranking.
 */
export const UNCOVERED = (w: string, owner: string) => `NOT EXISTS (
  SELECT 1 FROM network_contact c WHERE c.owner_id = ${owner}
    AND CASE ${w}.kind WHEN 'SECTOR' THEN c.sector_key WHEN 'ORGANISATION' THEN c.organisation_key ELSE c.role_key END = ${w}.value_key)`;

@Injectable()
export class NetworkRepository {
  /** Serialises an owner's writes, so the limits on contacts and wants hold under concurrent adds. */
  async lockOwner(m: EntityManager, ownerId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('mentoring.network:' || $1, 0))`, [ownerId]);
  }

  async countContacts(m: EntityManager, ownerId: string): Promise<number> {
    const [row] = await m.query(`SELECT count(*)::int AS n FROM network_contact WHERE owner_id = $1`, [ownerId]);
    return row.n;
  }

  async countWants(m: EntityManager, ownerId: string): Promise<number> {
    const [row] = await m.query(`SELECT count(*)::int AS n FROM network_want WHERE owner_id = $1`, [ownerId]);
    return row.n;
  }

  async contacts(m: EntityManager, ownerId: string): Promise<NetworkContact[]> {
    const rows: ContactRow[] = await m.query(`SELECT ${CONTACT_COLUMNS} FROM network_contact c WHERE c.owner_id = $1 ORDER BY c.created_at, c.id`, [ownerId]);
    return rows.map(toContact);
  }

  /** One of the owner's contacts; null for anyone else's (or none). */
  async contact(m: EntityManager, ownerId: string, id: string, opts: { lock?: boolean } = {}): Promise<NetworkContact | null> {
    const rows: ContactRow[] = await m.query(
      `SELECT ${CONTACT_COLUMNS} FROM network_contact c WHERE c.owner_id = $1 AND c.id = $2${opts.lock ? ' FOR UPDATE' : ''}`,
      [ownerId, id],
    );
    return rows[0] ? toContact(rows[0]) : null;
  }

  async addContact(m: EntityManager, ownerId: string, f: ContactFields): Promise<NetworkContact> {
    const rows: ContactRow[] = await m.query(
      `INSERT INTO network_contact AS c (owner_id, person_id, name, sector, organisation, role, relation, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CONTACT_COLUMNS}`,
      [ownerId, f.personId, f.name, f.sector, f.organisation, f.role, f.relation, f.notes],
    );
    return toContact(rows[0]!);
  }

  async updateContact(m: EntityManager, ownerId: string, id: string, f: Omit<ContactFields, 'personId'>): Promise<NetworkContact> {
    const rows: ContactRow[] = await m.query(
      // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
      `WITH c AS (
         UPDATE network_contact c SET name = $3, sector = $4, organisation = $5, role = $6, relation = $7, notes = $8, updated_at = now()
         WHERE c.owner_id = $1 AND c.id = $2 RETURNING c.*
       ) SELECT ${CONTACT_COLUMNS} FROM c`,
      [ownerId, id, f.name, f.sector, f.organisation, f.role, f.relation, f.notes],
    );
    return toContact(rows[0]!);
  }

  /** Whether a contact of the owner's was removed. */
  async removeContact(m: EntityManager, ownerId: string, id: string): Promise<boolean> {
    const rows = await m.query(`WITH d AS (DELETE FROM network_contact WHERE owner_id = $1 AND id = $2 RETURNING id) SELECT id FROM d`, [ownerId, id]);
    return rows.length > 0;
  }

  async wants(m: EntityManager, ownerId: string): Promise<NetworkWant[]> {
    const rows: WantRow[] = await m.query(`SELECT ${WANT_COLUMNS} FROM network_want w WHERE w.owner_id = $1 ORDER BY w.created_at, w.id`, [ownerId]);
    return rows.map(toWant);
  }

  async want(m: EntityManager, ownerId: string, id: string): Promise<NetworkWant | null> {
    const rows: WantRow[] = await m.query(`SELECT ${WANT_COLUMNS} FROM network_want w WHERE w.owner_id = $1 AND w.id = $2`, [ownerId, id]);
    return rows[0] ? toWant(rows[0]) : null;
  }

  /** The new want, or null when the owner already wants the same (ignoring case and accents). */
  async addWant(m: EntityManager, ownerId: string, kind: NetworkWantKind, value: string): Promise<NetworkWant | null> {
    const rows: WantRow[] = await m.query(
      `INSERT INTO network_want AS w (owner_id, kind, value) VALUES ($1, $2::network_want_kind, $3)
       ON CONFLICT (owner_id, kind, value_key) DO NOTHING RETURNING ${WANT_COLUMNS}`,
      [ownerId, kind, value],
    );
    return rows[0] ? toWant(rows[0]) : null;
  }

  async removeWant(m: EntityManager, ownerId: string, id: string): Promise<boolean> {
    const rows = await m.query(`WITH d AS (DELETE FROM network_want WHERE owner_id = $1 AND id = $2 RETURNING id) SELECT id FROM d`, [ownerId, id]);
    return rows.length > 0;
  }

  /**
   * The owner's gaps (wants no contact covers), oldest first, each with up to NETWORK_LIMITS.suggestionsPerGap
   * mentors of `institutionIds` (the student's network) who take requests, are not blocked either way, and fill it, most places free first, with the reason: in one
   * statement, whatever the number of gaps. A mentor fills a sector gap with one of their sectors, an organisation gap
   * with an organisation they worked at, a role gap with a topic they talk about or a skill; mentors who already are
   * the student's contacts are left out.
   */
  async gaps(m: EntityManager, ownerId: string, institutionIds: readonly string[]): Promise<NetworkGap[]> {
    const rows: (Partial<MentorRow> & { want_id: string; want_kind: NetworkWantKind; want_value: string; want_created_at: Date; reason: string | null })[] =
      await m.query(
        `WITH gap AS (
           SELECT w.id, w.kind, w.value, w.value_key, w.created_at FROM network_want w WHERE w.owner_id = $1 AND ${UNCOVERED('w', '$1')}
         )
         SELECT g.id AS want_id, g.kind::text AS want_kind, g.value AS want_value, g.created_at AS want_created_at, s.*
         FROM gap g LEFT JOIN LATERAL (
           SELECT ${MENTOR_COLUMNS},
                  CASE g.kind
                    WHEN 'SECTOR' THEN (SELECT 'works in ' || t FROM unnest(m.sectors) t WHERE mentoring_fold(t) = g.value_key LIMIT 1)
                    WHEN 'ORGANISATION' THEN (SELECT 'worked at ' || t FROM unnest(m.organisations) t WHERE mentoring_fold(t) = g.value_key LIMIT 1)
                    ELSE coalesce((SELECT 'talks about ' || t FROM unnest(m.topics) t WHERE mentoring_fold(t) = g.value_key LIMIT 1),
                                  (SELECT 'has the skill ' || t FROM unnest(m.skills) t WHERE mentoring_fold(t) = g.value_key LIMIT 1))
                  END AS reason
           FROM mentor_profile m
           WHERE m.institution_id = ANY($2::uuid[]) AND m.accepting_requests AND m.opted_out_at IS NULL AND m.user_id <> $1 AND ${notBlocked('$1::uuid')}
             AND ((g.kind = 'SECTOR' AND m.sector_keys @> ARRAY[g.value_key])
               OR (g.kind = 'ORGANISATION' AND m.organisation_keys @> ARRAY[g.value_key])
               OR (g.kind = 'ROLE' AND (m.topic_keys @> ARRAY[g.value_key] OR m.skill_keys @> ARRAY[g.value_key])))
             AND NOT EXISTS (SELECT 1 FROM network_contact c WHERE c.owner_id = $1 AND c.person_id = m.user_id)
           ORDER BY places_free DESC, m.user_id
           LIMIT $3
         ) s ON true
         ORDER BY g.created_at, g.id, s.places_free DESC, s.user_id`,
        [ownerId, institutionIds, NETWORK_LIMITS.suggestionsPerGap],
      );
    const gaps = new Map<string, NetworkGap>();
    for (const r of rows) {
      let gap = gaps.get(r.want_id);
      if (!gap) {
        gap = { want: toWant({ id: r.want_id, kind: r.want_kind, value: r.want_value, created_at: r.want_created_at }), suggestions: [] };
        gaps.set(r.want_id, gap);
      }
      if (r.user_id) gap.suggestions.push({ mentor: toMentor(r as MentorRow), reason: r.reason ?? '' } satisfies GapSuggestion);
    }
    return [...gaps.values()];
  }
}

import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Institution } from './institution.entity.js';
import type { CreateInstitutionInput } from './institution.inputs.js';

/** Another institution's email domain that a domain asked for would be equal to, under or above. */
export interface DomainClash {
  asked: string;
  taken: string;
  /** The name of the institution that has `taken`. */
  name: string;
}

/**
 * The institution aggregate's reads and writes, through the EntityManager the caller passes in. Dialect
 * (CONTRIBUTING, "Repositories hold the SQL"): what returns the `Institution` entity GraphQL serves goes through
 * that manager's entity calls; what returns rows of its own (a clash of domains) or nothing is raw parameterised SQL.
 */
@Injectable()
export class InstitutionRepository {
  /** Makes changes to email domains take turns until the transaction of `tx` ends. */
  async lockEmailDomains(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('institution-email-domains'))`);
  }

  /**
   * The first of `domains` (by institution name, then domain) that is equal to, under or above an email domain of an
   * institution other than `exceptId`, compared lower-cased and without a trailing dot; undefined when all are free.
   */
  async domainClash(m: EntityManager, domains: string[], exceptId: string | null): Promise<DomainClash | undefined> {
    const [clash]: DomainClash[] = await m.query(
      `SELECT asked, taken, i.name
         FROM institution i, unnest(i.email_domains) AS t(raw), unnest($1::text[]) AS a(asked),
              LATERAL (SELECT rtrim(lower(t.raw), '.') AS taken) n
        WHERE ($2::uuid IS NULL OR i.id <> $2::uuid)
          AND (asked = taken OR right(asked, length(taken) + 1) = '.' || taken OR right(taken, length(asked) + 1) = '.' || asked)
        ORDER BY i.name, asked, taken
        LIMIT 1`,
      [domains, exceptId],
    );
    return clash;
  }

  /** The institutions having any of `domains` among their email domains (compared as stored), in no particular order. */
  withAnyDomain(m: EntityManager, domains: string[]): Promise<Institution[]> {
    return m.getRepository(Institution).createQueryBuilder('i').where('i.email_domains && :domains', { domains }).getMany();
  }

  async exists(m: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM institution WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Those of `ids` that exist, in no particular order. */
  byIds(m: EntityManager, ids: readonly string[]): Promise<Institution[]> {
    return m.findBy(Institution, { id: In([...ids]) });
  }

  /** At most `limit` institutions by name, then id (names need not be unique), from after (name, id). */
  page(m: EntityManager, limit: number, after?: [name: unknown, id: string]): Promise<Institution[]> {
    const qb = m.getRepository(Institution).createQueryBuilder('i').orderBy('i.name', 'ASC').addOrderBy('i.id', 'ASC').take(limit);
    if (after) qb.where('(i.name, i.id) > (:name, :id)', { name: String(after[0]), id: after[1] });
    return qb.getMany();
  }

  /** The institution `id`, or null. */
  find(m: EntityManager, id: string): Promise<Institution | null> {
    return m.findOneBy(Institution, { id });
  }

  insert(m: EntityManager, input: CreateInstitutionInput): Promise<Institution> {
    return m.save(m.create(Institution, input));
  }

  /** Stores the institution's changed fields; returns the institution. */
  save(m: EntityManager, institution: Institution): Promise<Institution> {
    return m.save(institution);
  }
}

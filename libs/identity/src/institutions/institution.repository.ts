import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Another institution's email domain that a domain asked for would be equal to, under or above. */
export interface DomainClash {
  asked: string;
  taken: string;
  /** The name of the institution that has `taken`. */
  name: string;
}

/**
 * The institution aggregate's SQL that TypeORM's entity repository cannot say (an advisory lock, a comparison of
 * domains across every institution's array), in the dialect of every repository (CONTRIBUTING, "Repositories hold
 * the SQL"): raw parameterised SQL through the EntityManager the caller passes in.
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
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationFacts, PeopleDirectory, PersonFacts, PersonInterests, Role, StaffMember, Transaction } from '@careers/contracts';
import { DataSource } from 'typeorm';

/**
 * Identity's answer to the PeopleDirectory port: facts other domains decide eligibility on. A repository, read-only:
 * it holds the SQL and row mapping of what the port asks of users, profiles, organisations and institutions, and no
 * rules. Dialect: every repository's (CONTRIBUTING, "Repositories hold the SQL"), through the caller's `tx`, or the
 * data source's manager when the caller passes none (as the port allows).
 */
@Injectable()
export class IdentityPeopleDirectory implements PeopleDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async peopleOf(userIds: readonly string[], tx: Transaction = this.db): Promise<PersonFacts[]> {
    if (userIds.length === 0) return [];
    const rows: (Omit<PersonFacts, 'role'> & { role: Role })[] = await tx.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.role, u.institution_id AS "institutionId",
              u.organisation_id AS "organisationId", p.graduation_year AS "graduationYear", p.course
       FROM user_account u LEFT JOIN profile p ON p.user_id = u.id
       WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows;
  }

  async organisationsOf(organisationIds: readonly string[], tx: Transaction = this.db): Promise<OrganisationFacts[]> {
    if (organisationIds.length === 0) return [];
    return tx.query(
      `SELECT o.id, o.name,
              coalesce(array_agg(a.institution_id) FILTER (WHERE a.status = 'APPROVED'), '{}')::text[] AS "approvedInstitutionIds"
       FROM organisation o LEFT JOIN organisation_approval a ON a.organisation_id = o.id
       WHERE o.id = ANY($1::uuid[]) GROUP BY o.id`,
      [organisationIds],
    );
  }

  async institutionsOf(institutionIds: readonly string[], tx: Transaction = this.db): Promise<{ id: string; name: string }[]> {
    if (institutionIds.length === 0) return [];
    return tx.query(`SELECT id, name FROM institution WHERE id = ANY($1::uuid[])`, [institutionIds]);
  }

  async staffOf(institutionIds: readonly string[], tx: Transaction = this.db): Promise<StaffMember[]> {
    if (institutionIds.length === 0) return [];
    return tx.query(
      `SELECT id AS "userId", institution_id AS "institutionId" FROM user_account
       WHERE role = 'STAFF' AND institution_id = ANY($1::uuid[]) ORDER BY institution_id, created_at, id`,
      [institutionIds],
    );
  }

  async interestsOf(userIds: readonly string[], tx: Transaction = this.db): Promise<PersonInterests[]> {
    if (userIds.length === 0) return [];
    return tx.query(
      `SELECT u.id AS "userId", p.course, p.graduation_year AS "graduationYear",
              coalesce(p.sectors, '{}') AS sectors, coalesce(p.skills, '{}') AS skills, coalesce(p.interests, '{}') AS interests
       FROM user_account u LEFT JOIN profile p ON p.user_id = u.id
       WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
  }
}

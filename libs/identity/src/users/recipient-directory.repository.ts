import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Contact, RecipientDirectory, Transaction } from '@careers/contracts';
import { DataSource } from 'typeorm';

/**
 * Identity's answer to the RecipientDirectory port of contracts. A repository, read-only: the SQL and row mapping of
 * users' contacts, and no rules. Dialect: every repository's (CONTRIBUTING, "Repositories hold the SQL"), through the
 * caller's `tx`, or the data source's manager when the caller passes none (as the port allows).
 */
@Injectable()
export class IdentityRecipientDirectory implements RecipientDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contactsOf(userIds: readonly string[], tx: Transaction = this.db): Promise<Contact[]> {
    if (userIds.length === 0) return [];
    // One array parameter: an IN list of 100k ids would pass PostgreSQL's 65,535 parameters.
    const rows: { id: string; email: string; display_name: string }[] = await tx.query(
      `SELECT id, email, display_name FROM user_account WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows.map((u) => ({ userId: u.id, email: u.email, displayName: u.display_name }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Contact, RecipientDirectory } from '@careers/contracts';
import { Repository } from 'typeorm';
import { User } from './user.entity.js';

/** Identity's answer to the RecipientDirectory port of contracts. */
@Injectable()
export class IdentityRecipientDirectory implements RecipientDirectory {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async contactsOf(userIds: readonly string[]): Promise<Contact[]> {
    if (userIds.length === 0) return [];
    // One array parameter: an IN list of 100k ids would pass PostgreSQL's 65,535 parameters.
    const rows: { id: string; email: string; display_name: string }[] = await this.users.query(
      `SELECT id, email, display_name FROM user_account WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows.map((u) => ({ userId: u.id, email: u.email, displayName: u.display_name }));
  }
}

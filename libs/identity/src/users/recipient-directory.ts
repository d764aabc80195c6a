import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Contact, RecipientDirectory } from '@careers/contracts';
import { In, Repository } from 'typeorm';
import { User } from './user.entity.js';

/** Identity's answer to the RecipientDirectory port of contracts. */
@Injectable()
export class IdentityRecipientDirectory implements RecipientDirectory {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async contactsOf(userIds: readonly string[]): Promise<Contact[]> {
    if (userIds.length === 0) return [];
    const rows = await this.users.find({ where: { id: In([...userIds]) }, select: { id: true, email: true, displayName: true } });
    return rows.map((u) => ({ userId: u.id, email: u.email, displayName: u.displayName }));
  }
}

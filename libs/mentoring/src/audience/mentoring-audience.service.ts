import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, Role } from '@careers/contracts';
import { badInput, decidingInstitution, isUuid } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { SetMentoringAudienceInput } from './audience.inputs.js';
import type { MentoringSettings } from './audience.model.js';
import { MentoringAudienceRepository } from './mentoring-audience.repository.js';

/**
 * Whose mentors and community questions a person reaches: the one rule every part of mentoring asks (the
 * directory, suggestions, requests, questions, the network map), from the institutions' mentoring audience.
 */
@Injectable()
export class MentoringAudienceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: MentoringAudienceRepository,
  ) {}

  /**
   * The institutions whose mentors and community questions reach `caller`: null for admins (every institution),
   * undefined for people of no institution (employers), else their own and, when it shares with the whole network,
   * every institution that does.
   */
  async networkOf(caller: Principal, m: EntityManager = this.db.manager): Promise<string[] | null | undefined> {
    if (caller.role === Role.ADMIN) return null;
    if (caller.role === Role.EMPLOYER || !caller.institutionId) return undefined;
    return this.settings.networkOf(m, caller.institutionId);
  }

  /** The settings of the caller's institution (admins and staff may name one they manage). */
  get(caller: Principal, institutionId?: string | null): Promise<MentoringSettings> {
    if (institutionId != null && !isUuid(institutionId)) throw badInput('The id is not valid: ids are UUIDs.', { field: 'institutionId' });
    const id = institutionId && institutionId !== caller.institutionId ? decidingInstitution(caller, institutionId) : caller.institutionId;
    if (!id) throw badInput('Name the institution (institutionId): admins belong to none.', { field: 'institutionId' });
    return this.settings.settingsOf(this.db.manager, id);
  }

  async set(caller: Principal, input: SetMentoringAudienceInput): Promise<MentoringSettings> {
    const id = decidingInstitution(caller, input.institutionId);
    await this.settings.set(this.db.manager, id, input.audience, caller.id);
    return this.settings.settingsOf(this.db.manager, id);
  }
}

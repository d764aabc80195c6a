import { Inject, Injectable } from '@nestjs/common';
import { type DomainEvent, PEOPLE_DIRECTORY, type PeopleDirectory } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { MentorRepository } from './mentor.repository.js';

/**
 * When a person's profile changes its course or graduation year, refreshes mentoring's copy of them on their mentor
 * profile (if they have one). It reads the current values through the port rather than trusting the event, so
 * events handled late or out of order still leave the copy as identity has it now.
 */
@Injectable()
export class RefreshMentorCopyListener implements EventListener<'identity.profile-updated'> {
  readonly name = 'mentoring.refresh-mentor-copy';
  readonly event = 'identity.profile-updated' as const;

  constructor(
    listeners: EventListeners,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly mentors: MentorRepository,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'identity.profile-updated'>, tx: EntityManager): Promise<void> {
    const [person] = await this.people.peopleOf([event.payload.userId], tx);
    if (person) await this.mentors.refreshCopy(tx, person);
  }
}

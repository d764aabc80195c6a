import { MentoringAudienceService } from '../audience/mentoring-audience.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal, Role } from '@careers/contracts';
import { badInput, conflict, notFound } from '@careers/platform';
import { DataSource } from 'typeorm';
import type { AddNetworkContactInput, AddNetworkWantInput, UpdateNetworkContactInput } from './network.inputs.js';
import { NETWORK_LIMITS } from './network.inputs.js';
import type { NetworkContact, NetworkMap, NetworkWant } from './network.model.js';
import { NetworkRepository } from './network.repository.js';

/** Blank (after trimming) is no value. */
const orNull = (v: string | null | undefined): string | null => (v == null || v === '' ? null : v);
/** On an edit: left out keeps the current value, null or blank clears it. */
const edited = (v: string | null | undefined, current: string | null): string | null => (v === undefined ? current : orNull(v));

/**
 * A student's network map: their contacts and wants, private to them (every read and write is by the caller's own
 * id, so anyone else's ids are NOT_FOUND, staff and admins included), and the gaps between them.
 */
@Injectable()
export class NetworkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly network: NetworkRepository,
    private readonly audience: MentoringAudienceService,
  ) {}

  /** The caller's map: contacts, wants and gaps with their suggested mentors, in four statements (the network, then three) whatever their number. */
  async map(caller: Principal): Promise<NetworkMap> {
    const mentorsOf = await this.audience.networkOf(caller);
    const [contacts, wants, gaps] = await Promise.all([
      this.network.contacts(this.db.manager, caller.id),
      this.network.wants(this.db.manager, caller.id),
      mentorsOf ? this.network.gaps(this.db.manager, caller.id, mentorsOf) : Promise.resolve([]),
    ]);
    return { contacts, wants, gaps };
  }

  async addContact(caller: Principal, input: AddNetworkContactInput): Promise<NetworkContact> {
    const personId = input.personId?.toLowerCase() ?? null;
    if (!personId && !orNull(input.name)) {
      throw badInput('A contact needs a name, or a person on the platform (personId).', { fields: { name: ['name or personId is required'] } });
    }
    return this.db.transaction(async (tx) => {
      let name = orNull(input.name);
      if (personId) {
        const [person] = await this.people.peopleOf([personId], tx);
        // Someone the student can see: a person of their own institution (not an employer, not themselves).
        if (!person || person.userId === caller.id || !caller.institutionId || person.institutionId !== caller.institutionId || person.role === Role.EMPLOYER) {
          throw notFound('The person');
        }
        name = person.displayName;
      }
      await this.network.lockOwner(tx, caller.id);
      if ((await this.network.countContacts(tx, caller.id)) >= NETWORK_LIMITS.contacts) {
        throw badInput(`You have ${NETWORK_LIMITS.contacts} contacts, the most a network map keeps: remove one first.`, {
          fields: { contacts: [`at most ${NETWORK_LIMITS.contacts} contacts`] },
        });
      }
      return this.network.addContact(tx, caller.id, {
        personId,
        name: name!,
        sector: orNull(input.sector),
        organisation: orNull(input.organisation),
        role: orNull(input.role),
        relation: orNull(input.relation),
        notes: orNull(input.notes),
      });
    });
  }

  async updateContact(caller: Principal, input: UpdateNetworkContactInput): Promise<NetworkContact> {
    return this.db.transaction(async (tx) => {
      const current = await this.network.contact(tx, caller.id, input.id, { lock: true });
      if (!current) throw notFound('The contact');
      if (input.name !== undefined && current.personId) {
        throw badInput("A contact on the platform keeps their own name: change the other fields.", { fields: { name: ['set by the platform'] } });
      }
      return this.network.updateContact(tx, caller.id, current.id, {
        name: input.name ?? current.name,
        sector: edited(input.sector, current.sector),
        organisation: edited(input.organisation, current.organisation),
        role: edited(input.role, current.role),
        relation: edited(input.relation, current.relation),
        notes: edited(input.notes, current.notes),
      });
    });
  }

  async removeContact(caller: Principal, id: string): Promise<string> {
    if (!(await this.network.removeContact(this.db.manager, caller.id, id))) throw notFound('The contact');
    return id;
  }

  async addWant(caller: Principal, input: AddNetworkWantInput): Promise<NetworkWant> {
    return this.db.transaction(async (tx) => {
      await this.network.lockOwner(tx, caller.id);
      if ((await this.network.countWants(tx, caller.id)) >= NETWORK_LIMITS.wants) {
        throw badInput(`You have ${NETWORK_LIMITS.wants} wants, the most a network map keeps: remove one first.`, {
          fields: { wants: [`at most ${NETWORK_LIMITS.wants} wants`] },
        });
      }
      const want = await this.network.addWant(tx, caller.id, input.kind, input.value);
      if (!want) throw conflict(`You already want to reach ${input.value}.`);
      return want;
    });
  }

  async removeWant(caller: Principal, id: string): Promise<string> {
    if (!(await this.network.removeWant(this.db.manager, caller.id, id))) throw notFound('The want');
    return id;
  }
}

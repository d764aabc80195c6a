import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, type Principal } from '@careers/contracts';
import {
  assertCanManageInstitution,
  byKeys,
  conflict,
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  pageSize,
  toConnection,
} from '@careers/platform';
import { type EntityManager, In, Repository } from 'typeorm';
import { Institution } from './institution.entity.js';
import { InstitutionRepository } from './institution.repository.js';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './institution.inputs.js';

/** "a.b.leeds.ac.uk" → ["a.b.leeds.ac.uk", "b.leeds.ac.uk", "leeds.ac.uk", "ac.uk", "uk"]: a subdomain joins its parent's institution. */
function domainAndParents(domain: string): string[] {
  const parts = domain.split('.');
  return parts.map((_, i) => parts.slice(i).join('.'));
}

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly repository: InstitutionRepository,
  ) {}

  /** The institution an email address belongs to, by its domain; the most specific domain wins. */
  async findByEmail(email: string): Promise<Institution | null> {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    const candidates = domainAndParents(domain);
    const found = await this.institutions
      .createQueryBuilder('i')
      .where('i.email_domains && :candidates', { candidates })
      .getMany();
    return (
      candidates.map((d) => found.find((i) => i.emailDomains.includes(d))).find((i) => i !== undefined) ?? null
    );
  }

  exists(id: string): Promise<boolean> {
    return this.institutions.existsBy({ id });
  }

  async byIds(ids: readonly string[]): Promise<(Institution | null)[]> {
    const rows = await this.institutions.findBy({ id: In([...ids]) });
    return byKeys(ids, rows, (r) => r.id);
  }

  /** By name, then id (names need not be unique). */
  async list(args: ConnectionArgs): Promise<ConnectionShape<Institution>> {
    const first = pageSize(args);
    const qb = this.institutions.createQueryBuilder('i').orderBy('i.name', 'ASC').addOrderBy('i.id', 'ASC').take(first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after);
      qb.where('(i.name, i.id) > (:name, :id)', { name: String(name), id });
    }
    return toConnection(await qb.getMany(), first, (i) => encodeCursor(i.name, i.id));
  }

  async create(input: CreateInstitutionInput): Promise<Institution> {
    return this.institutions.manager.transaction(async (tx) => {
      await this.assertDomainsFree(tx, input.emailDomains, null);
      return tx.save(tx.create(Institution, input));
    });
  }

  /**
   * Staff rename their own institution; only admins change email domains,
   * which decide who joins it: one staff member alone must not be able to
   * take in another institution's students.
   */
  async update(caller: Principal, id: string, input: UpdateInstitutionInput): Promise<Institution> {
    assertCanManageInstitution(caller, id);
    if (input.emailDomains && caller.role !== Role.ADMIN) {
      throw forbidden("Only admins change an institution's email domains: ask an admin of this installation.");
    }
    return this.institutions.manager.transaction(async (tx) => {
      const institution = await tx.findOneBy(Institution, { id });
      if (!institution) throw notFound('The institution');
      if (input.emailDomains) await this.assertDomainsFree(tx, input.emailDomains, id);
      Object.assign(institution, input);
      return tx.save(institution);
    });
  }

  /**
   * In `tx`: CONFLICT unless each domain is free, that is neither equal to,
   * under nor above another institution's domain, so that every email address
   * belongs to at most one institution. The lock makes concurrent changes
   * take turns until they commit: two institutions adding overlapping domains
   * at once cannot both succeed (each check, in READ COMMITTED, sees what the
   * previous holder committed).
   */
  private async assertDomainsFree(tx: EntityManager, domains: string[], exceptId: string | null): Promise<void> {
    await this.repository.lockEmailDomains(tx);
    const clash = await this.repository.domainClash(tx, domains, exceptId);
    if (!clash) return;
    const { asked, taken, name } = clash;
    const how = asked === taken ? `${asked} is already` : asked.endsWith(`.${taken}`) ? `${asked} is under ${taken},` : `${asked} is above ${taken},`;
    throw conflict(`${how} an email domain of ${name}: each email domain belongs to one institution, so its people know where they sign up.`);
  }
}

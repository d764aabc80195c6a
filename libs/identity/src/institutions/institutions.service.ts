import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@careers/contracts';
import { assertCanManageInstitution, byKeys, conflict, notFound } from '@careers/platform';
import { In, Repository } from 'typeorm';
import { Institution } from './institution.entity.js';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './institution.inputs.js';

/** "a.b.leeds.ac.uk" → ["a.b.leeds.ac.uk", "b.leeds.ac.uk", "leeds.ac.uk", "ac.uk", "uk"]: a subdomain joins its parent's institution. */
function domainAndParents(domain: string): string[] {
  const parts = domain.split('.');
  return parts.map((_, i) => parts.slice(i).join('.'));
}

@Injectable()
export class InstitutionsService {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

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

  list(): Promise<Institution[]> {
    return this.institutions.find({ order: { name: 'ASC' }, take: 500 });
  }

  async create(input: CreateInstitutionInput): Promise<Institution> {
    await this.assertDomainsFree(input.emailDomains, null);
    return this.institutions.save(this.institutions.create(input));
  }

  async update(caller: Principal, id: string, input: UpdateInstitutionInput): Promise<Institution> {
    assertCanManageInstitution(caller, id);
    const institution = await this.institutions.findOneBy({ id });
    if (!institution) throw notFound('The institution');
    if (input.emailDomains) await this.assertDomainsFree(input.emailDomains, id);
    Object.assign(institution, input);
    return this.institutions.save(institution);
  }

  private async assertDomainsFree(domains: string[], exceptId: string | null): Promise<void> {
    const taken = await this.institutions
      .createQueryBuilder('i')
      .where('i.email_domains && :domains', { domains })
      .andWhere(exceptId ? 'i.id <> :exceptId' : 'true', { exceptId })
      .getOne();
    if (taken) throw conflict(`An email domain is already used by ${taken.name}.`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { decidingInstitution, notFound } from '@careers/platform';
import { DataSource } from 'typeorm';
import type { MentoringFiguresArgs } from './mentoring-figures.inputs.js';
import type { MentoringFigures } from './mentoring-figures.model.js';
import { MentoringFiguresRepository, NEAR_CAPACITY_LISTED } from './mentoring-figures.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Staff figures of mentoring: staff read their own institution's, admins any one they name. */
@Injectable()
export class MentoringFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly figures: MentoringFiguresRepository,
  ) {}

  async of(caller: Principal, args: MentoringFiguresArgs): Promise<MentoringFigures> {
    const institutionId = decidingInstitution(caller, args.institutionId);
    const [institution] = await this.people.institutionsOf([institutionId]);
    if (!institution) throw notFound('The institution');
    const days = args.days ?? 30;
    const since = new Date(Date.now() - days * DAY_MS);
    const [mentorships, questions] = await Promise.all([
      this.figures.mentorshipFigures(this.db.manager, institutionId, since),
      this.figures.questionFigures(this.db.manager, institutionId, since),
    ]);
    const answered = mentorships.requestsAccepted + mentorships.requestsDeclined + mentorships.requestsExpired;
    return {
      institutionId,
      days,
      since,
      ...questions,
      mentorRequests: mentorships.mentorRequests,
      requestsAccepted: mentorships.requestsAccepted,
      requestsDeclined: mentorships.requestsDeclined,
      requestsExpired: mentorships.requestsExpired,
      requestsOpen: mentorships.requestsOpen,
      acceptanceRate: answered ? Math.round((mentorships.requestsAccepted / answered) * 1000) / 1000 : null,
      activeMentorships: mentorships.activeMentorships,
      mentors: mentorships.mentors,
      mentorsNearCapacity: mentorships.nearCapacity.length,
      nearCapacity: mentorships.nearCapacity.slice(0, NEAR_CAPACITY_LISTED),
    };
  }
}

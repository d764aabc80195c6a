import { MentoringAudienceService } from '../audience/mentoring-audience.service.js';
import { canSeeMentor } from '../mentors/mentor-access.js';
import { MentoringBlockRepository } from '../mentorships/mentoring-block.repository.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, type ConnectionShape, conflict, decodeCursor, encodeCursor, notFound, Outbox, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { MentorRepository } from '../mentors/mentor.repository.js';
import { IntroductionRepository } from './introduction.repository.js';
import { type AnswerIntroductionInput, type IntroductionsArgs, NETWORK_LIMITS, type RequestIntroductionInput } from './network.inputs.js';
import { type IntroductionRequest, IntroductionStatus } from './network.model.js';
import { NetworkRepository } from './network.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Introduction requests from a student to a mentor who fills a gap in their network: one open per pair, at most
 * NETWORK_LIMITS.openIntroductions open per student, never to a paused or opted-out mentor. Each side hears of the
 * other's move through a domain event (the notifications service tells them). Only the two of them see a request.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    private readonly mentors: MentorRepository,
    private readonly network: NetworkRepository,
    private readonly introductions: IntroductionRepository,
    private readonly audience: MentoringAudienceService,
    private readonly blocks: MentoringBlockRepository,
  ) {}

  async request(caller: Principal, input: RequestIntroductionInput): Promise<IntroductionRequest> {
    const mentorId = input.mentorId.toLowerCase();
    return this.db.transaction(async (tx) => {
      const mentor = await this.mentors.ofUser(tx, mentorId);
      // A mentor out of the student's network, opted out or blocked either way is not one the student may know of.
      if (
        !mentor ||
        mentor.optedOut ||
        !caller.institutionId ||
        mentor.id === caller.id ||
        !canSeeMentor(caller, await this.audience.networkOf(caller, tx), mentor) ||
        (await this.blocks.eitherWay(tx, caller.id, mentor.id))
      ) {
        throw notFound('The mentor');
      }
      if (!mentor.acceptingRequests) throw conflict(`${mentor.displayName} has paused mentoring and takes no requests now.`);
      const want = input.wantId ? await this.network.want(tx, caller.id, input.wantId.toLowerCase()) : null;
      if (input.wantId && !want) throw notFound('The want');
      await this.introductions.lockStudent(tx, caller.id);
      const open = await this.introductions.openOf(tx, caller.id);
      if (open.some((o) => o.mentorId === mentor.id)) throw conflict(`You already asked ${mentor.displayName} for an introduction: wait for their answer.`);
      if (open.length >= NETWORK_LIMITS.openIntroductions) {
        throw conflict(`You have ${NETWORK_LIMITS.openIntroductions} introduction requests waiting for an answer, the most at once: wait for one.`);
      }
      const [me] = await this.people.peopleOf([caller.id], tx);
      const id = await this.introductions.insert(tx, {
        studentId: caller.id,
        studentName: me?.displayName ?? 'A student',
        mentorId: mentor.id,
        institutionId: caller.institutionId,
        wantId: want?.id ?? null,
        wantKind: want?.kind ?? null,
        wantValue: want?.value ?? null,
        message: input.message,
      });
      const created = (await this.introductions.get(tx, id))!;
      await this.outbox.append(tx, {
        type: 'mentoring.introduction-requested',
        aggregateType: 'introduction-request',
        aggregateId: id,
        payload: {
          introductionId: id,
          mentorId: mentor.id,
          studentId: caller.id,
          studentName: created.studentName,
          wantValue: created.wantValue,
          message: created.message,
        },
      });
      return created;
    });
  }

  async answer(caller: Principal, input: AnswerIntroductionInput): Promise<IntroductionRequest> {
    return this.db.transaction(async (tx) => {
      const request = await this.introductions.get(tx, input.id.toLowerCase(), { lock: true });
      if (!request || request.mentorId !== caller.id) throw notFound('The introduction request');
      if (request.status !== IntroductionStatus.OPEN) throw conflict(`You already ${request.status === IntroductionStatus.ACCEPTED ? 'accepted' : 'declined'} this request.`);
      const note = input.note?.trim() || null;
      await this.introductions.answer(tx, request.id, input.accept ? IntroductionStatus.ACCEPTED : IntroductionStatus.DECLINED, note);
      await this.outbox.append(tx, {
        type: 'mentoring.introduction-answered',
        aggregateType: 'introduction-request',
        aggregateId: request.id,
        payload: { introductionId: request.id, studentId: request.studentId, mentorId: request.mentorId, mentorName: request.mentorName, accepted: input.accept, note },
      });
      return (await this.introductions.get(tx, request.id))!;
    });
  }

  /** Requests the caller sent (students) or received (mentors), newest first. */
  async page(caller: Principal, side: 'sent' | 'received', args: IntroductionsArgs): Promise<ConnectionShape<IntroductionRequest>> {
    const first = pageSize(args);
    let after;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || !UUID.test(id)) {
        throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
      }
      after = { createdAt, id };
    }
    const rows = await this.introductions.page(this.db.manager, side === 'sent' ? { studentId: caller.id } : { mentorId: caller.id }, after, first);
    return toConnection(rows, first, (r) => encodeCursor(r.createdAt.toISOString(), r.id));
  }
}

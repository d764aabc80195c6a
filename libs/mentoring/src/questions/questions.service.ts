import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, type ConnectionShape, conflict, decodeCursor, encodeCursor, forbidden, notFound, Outbox, pageSize, toConnection } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { canAnswerQuestion, canSeeQuestion, foldTag, foldTags, questionAudienceOf } from './question-access.js';
import { type AskQuestionInput, type EditQuestionInput, QUESTION_LIMITS, type QuestionsArgs, type QuestionTagsArgs } from './question.inputs.js';
import { Answer, type AnswerRevision, Question, type QuestionPerson, type QuestionRevision, type QuestionTag, QuestionVisibility } from './question.model.js';
import { type AnswerRow, type FeedAfter, QuestionRepository, type QuestionRow } from './question.repository.js';

const GONE = 'A former member';

/**
 * Questions and answers: students ask (the community of their network, or one mentor privately), alumni and staff of
 * the audience (or the chosen mentor) answer, people vote, the asker accepts one answer. Who sees what is
 * question-access.ts; every write is one transaction, with its domain event through the outbox.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    private readonly rows: QuestionRepository,
  ) {}

  async ask(caller: Principal, input: AskQuestionInput): Promise<Question> {
    const tags = this.cleanTags(input.tags ?? []);
    const audience = questionAudienceOf(caller);
    if (!caller.institutionId || !audience) throw forbidden('Only students of an institution on the network can ask questions.');
    const isPrivate = input.visibility === QuestionVisibility.PRIVATE;
    if (isPrivate && !input.mentorId) throw badInput('A private question needs the mentor it is for.', { fields: { mentorId: ['mentorId is required for a private question'] } });
    if (!isPrivate && input.mentorId) throw badInput('A community question is for everyone: leave the mentor out, or make it private.', { fields: { mentorId: ['only private questions have a mentor'] } });
    const id = await this.db.transaction(async (tx) => {
      if (isPrivate && !(await this.rows.mentorTakesQuestions(tx, input.mentorId!, audience.institutionId))) {
        throw badInput('That mentor is not one of your network who takes requests now.', { fields: { mentorId: ['choose a mentor of your network who takes requests'] } });
      }
      const id = await this.rows.insert(tx, {
        institutionId: caller.institutionId!,
        askerId: caller.id,
        visibility: input.visibility,
        mentorId: isPrivate ? input.mentorId! : null,
        title: input.title,
        body: input.body,
        tags,
      });
      const followerIds = isPrivate ? [] : await this.rows.followersOf(tx, caller.institutionId!, tags, caller.id);
      await this.outbox.append(tx, {
        type: 'mentoring.question-asked',
        aggregateType: 'question',
        aggregateId: id,
        payload: { questionId: id, title: input.title, visibility: input.visibility, askerId: caller.id, mentorId: isPrivate ? input.mentorId! : null, followerIds },
      });
      return id;
    });
    return this.get(caller, id, { countView: false });
  }

  /** One question the caller may see (NOT_FOUND otherwise, so ids cannot be probed); counts their view once. */
  async get(caller: Principal, id: string, opts: { countView?: boolean } = {}): Promise<Question> {
    const row = await this.visibleRow(this.db.manager, caller, id);
    if (opts.countView !== false && (await this.rows.recordView(this.db.manager, id, caller.id))) row.view_count += 1;
    return (await this.toQuestions(caller, [row]))[0]!;
  }

  async edit(caller: Principal, input: EditQuestionInput): Promise<Question> {
    const tags = input.tags === undefined ? undefined : this.cleanTags(input.tags);
    await this.db.transaction(async (tx) => {
      const q = await this.rows.byId(tx, input.id, { lock: true });
      if (!q || !canSeeQuestion(caller, this.scope(q))) throw notFound('The question');
      if (q.asker_id !== caller.id) throw forbidden('Only the person who asked a question can edit it.');
      await this.rows.edit(tx, q.id, { title: input.title ?? q.title, body: input.body ?? q.body, tags: tags ?? q.tags });
    });
    return this.get(caller, input.id, { countView: false });
  }

  async answer(caller: Principal, questionId: string, body: string): Promise<Answer> {
    const answerId = await this.db.transaction(async (tx) => {
      const q = await this.rows.byId(tx, questionId, { lock: true });
      if (!q || !canSeeQuestion(caller, this.scope(q))) throw notFound('The question');
      if (!canAnswerQuestion(caller, this.scope(q))) {
        throw forbidden(
          q.visibility === 'PRIVATE'
            ? 'Only the mentor this private question is for can answer it.'
            : 'Alumni and careers staff of its institution answer questions; students ask them.',
        );
      }
      const answerId = await this.rows.insertAnswer(tx, q.id, caller.id, body);
      await this.outbox.append(tx, {
        type: 'mentoring.question-answered',
        aggregateType: 'question',
        aggregateId: q.id,
        payload: { questionId: q.id, answerId, title: q.title, askerId: q.asker_id, answererId: caller.id },
      });
      return answerId;
    });
    return this.oneAnswer(caller, answerId);
  }

  async editAnswer(caller: Principal, id: string, body: string): Promise<Answer> {
    await this.db.transaction(async (tx) => {
      const a = await this.visibleAnswer(tx, caller, id);
      if (a.authorId !== caller.id) throw forbidden('Only its author can edit an answer.');
      await this.rows.editAnswer(tx, id, body);
    });
    return this.oneAnswer(caller, id);
  }

  /** One vote per person per answer, never on your own: a second vote is a CONFLICT (take it back with unvoteAnswer first). */
  async vote(caller: Principal, answerId: string, up: boolean): Promise<Answer> {
    await this.db.transaction(async (tx) => {
      const a = await this.visibleAnswer(tx, caller, answerId);
      if (a.authorId === caller.id) throw forbidden('You cannot vote on your own answer.');
      if (!(await this.rows.vote(tx, answerId, caller.id, up))) throw conflict('You already voted on this answer: take that vote back first to change it.');
    });
    return this.oneAnswer(caller, answerId);
  }

  /** Takes the caller's vote back; without one, nothing changes. */
  async unvote(caller: Principal, answerId: string): Promise<Answer> {
    await this.db.transaction(async (tx) => {
      await this.visibleAnswer(tx, caller, answerId);
      await this.rows.unvote(tx, answerId, caller.id);
    });
    return this.oneAnswer(caller, answerId);
  }

  /** The asker accepts an answer; accepting another moves the mark to it. Accepting the accepted one changes nothing. */
  async accept(caller: Principal, answerId: string): Promise<Answer> {
    await this.db.transaction(async (tx) => {
      const a = await this.visibleAnswer(tx, caller, answerId);
      const q = await this.rows.byId(tx, a.question.id, { lock: true });
      if (!q) throw notFound('The answer');
      if (q.asker_id !== caller.id) throw forbidden('Only the person who asked the question can accept an answer.');
      if (q.accepted_answer_id === answerId) return;
      await this.rows.accept(tx, q.id, answerId);
      await this.outbox.append(tx, {
        type: 'mentoring.answer-accepted',
        aggregateType: 'question',
        aggregateId: q.id,
        payload: { questionId: q.id, answerId, title: q.title, askerId: q.asker_id, answererId: a.authorId },
      });
    });
    return this.oneAnswer(caller, answerId);
  }

  /** The feed: newest first, or by relevance with a search; two statements whatever the page size (the page, its names). */
  async feed(caller: Principal, args: QuestionsArgs): Promise<ConnectionShape<Question>> {
    const first = pageSize(args);
    if (!questionAudienceOf(caller)) throw forbidden('Questions are for the students, alumni and staff of an institution.');
    const f = args.filter ?? {};
    const search = f.search?.trim() || undefined;
    let after: FeedAfter | undefined;
    if (args.after) {
      const [key, id] = decodeCursor(args.after);
      const [score, createdAt] = String(key).split('|');
      if (!score || !createdAt || Number.isNaN(Number(score)) || Number.isNaN(Date.parse(createdAt))) {
        throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
      }
      after = { score, createdAt, id };
    }
    const tag = f.tag === undefined ? undefined : foldTag(f.tag) || undefined;
    const rows = await this.rows.feedPage(this.db.manager, caller, { tag, search, unanswered: f.unanswered ?? false, mine: f.mine ?? false, after, first });
    const questions = await this.toQuestions(caller, rows);
    const scores = new Map(rows.map((r) => [r.id, r.score]));
    return toConnection(questions, first, (q) => encodeCursor(`${scores.get(q.id)}|${q.createdAt.toISOString()}`, q.id));
  }

  tags(caller: Principal, args: QuestionTagsArgs): Promise<QuestionTag[]> {
    const prefix = args.search === undefined ? undefined : foldTag(args.search) || undefined;
    return this.rows.tags(this.db.manager, caller, prefix, args.first ?? 20);
  }

  async follow(caller: Principal, tag: string): Promise<string[]> {
    const folded = this.oneTag(tag);
    if (!caller.institutionId) throw forbidden('Alumni and staff of an institution follow tags.');
    await this.db.transaction(async (tx) => {
      const now = await this.rows.followed(tx, caller.id);
      if (!now.includes(folded) && now.length >= QUESTION_LIMITS.follows) {
        throw badInput(`You follow ${QUESTION_LIMITS.follows} tags already: unfollow one first.`, { fields: { tag: [`at most ${QUESTION_LIMITS.follows} tags`] } });
      }
      await this.rows.follow(tx, caller.id, caller.institutionId!, folded);
    });
    return this.rows.followed(this.db.manager, caller.id);
  }

  async unfollow(caller: Principal, tag: string): Promise<string[]> {
    await this.rows.unfollow(this.db.manager, caller.id, this.oneTag(tag));
    return this.rows.followed(this.db.manager, caller.id);
  }

  followed(caller: Principal): Promise<string[]> {
    return this.rows.followed(this.db.manager, caller.id);
  }

  /** The question's answers, as the caller sees them; the question was checked when it was read. */
  async answersOf(caller: Principal, question: Question): Promise<Answer[]> {
    const rows = await this.rows.answers(this.db.manager, question.id, caller.id);
    return this.toAnswers(caller, rows);
  }

  questionRevisions(question: Question): Promise<QuestionRevision[]> {
    return this.rows.questionRevisions(this.db.manager, question.id);
  }

  answerRevisions(answer: Answer): Promise<AnswerRevision[]> {
    return this.rows.answerRevisions(this.db.manager, answer.id);
  }

  private async visibleRow(m: EntityManager, caller: Principal, id: string): Promise<QuestionRow> {
    const row = await this.rows.byId(m, id);
    if (!row || !canSeeQuestion(caller, this.scope(row))) throw notFound('The question');
    return row;
  }

  private async visibleAnswer(tx: EntityManager, caller: Principal, id: string) {
    const a = await this.rows.lockAnswer(tx, id);
    if (!a || !canSeeQuestion(caller, this.scope(a.question))) throw notFound('The answer');
    return a;
  }

  private async oneAnswer(caller: Principal, id: string): Promise<Answer> {
    const row = await this.rows.answer(this.db.manager, id, caller.id);
    if (!row) throw notFound('The answer');
    return (await this.toAnswers(caller, [row]))[0]!;
  }

  private scope(q: QuestionRow) {
    return { institutionId: q.institution_id, askerId: q.asker_id, visibility: q.visibility, mentorId: q.mentor_id };
  }

  private cleanTags(tags: string[]): string[] {
    const folded = foldTags(tags);
    if (folded.length > QUESTION_LIMITS.tags) throw badInput(`At most ${QUESTION_LIMITS.tags} tags.`, { fields: { tags: [`at most ${QUESTION_LIMITS.tags} tags`] } });
    return folded;
  }

  private oneTag(tag: string): string {
    const folded = foldTag(tag);
    if (!folded || folded.length > QUESTION_LIMITS.tagLength) {
      throw badInput(`A tag is 1 to ${QUESTION_LIMITS.tagLength} characters.`, { fields: { tag: [`1 to ${QUESTION_LIMITS.tagLength} characters`] } });
    }
    return folded;
  }

  /** Names of `ids` in one read of the PeopleDirectory port. */
  private async names(ids: string[]): Promise<Map<string, QuestionPerson>> {
    const unique = [...new Set(ids)];
    const people = unique.length ? await this.people.peopleOf(unique) : [];
    const byId = new Map(people.map((p) => [p.userId, p.displayName]));
    return new Map(unique.map((id) => [id, { id, displayName: byId.get(id) ?? GONE }]));
  }

  private async toQuestions(caller: Principal, rows: QuestionRow[]): Promise<Question[]> {
    const names = await this.names(rows.flatMap((r) => (r.mentor_id ? [r.asker_id, r.mentor_id] : [r.asker_id])));
    return rows.map((r) => {
      const scope = this.scope(r);
      return Object.assign(new Question(), {
        id: r.id,
        institutionId: r.institution_id,
        askerId: r.asker_id,
        mentorId: r.mentor_id,
        title: r.title,
        body: r.body,
        tags: r.tags,
        visibility: r.visibility as QuestionVisibility,
        author: names.get(r.asker_id)!,
        mentor: r.mentor_id ? names.get(r.mentor_id)! : null,
        answerCount: r.answer_count,
        hasAcceptedAnswer: r.accepted_answer_id !== null,
        viewCount: r.view_count,
        mine: r.asker_id === caller.id,
        canAnswer: canAnswerQuestion(caller, scope),
        createdAt: r.created_at,
        editedAt: r.edited_at,
      });
    });
  }

  private async toAnswers(caller: Principal, rows: AnswerRow[]): Promise<Answer[]> {
    const names = await this.names(rows.map((r) => r.author_id));
    return rows.map((r) =>
      Object.assign(new Answer(), {
        id: r.id,
        questionId: r.question_id,
        authorId: r.author_id,
        author: names.get(r.author_id)!,
        body: r.body,
        score: r.score,
        myVote: r.my_vote,
        accepted: r.accepted,
        mine: r.author_id === caller.id,
        createdAt: r.created_at,
        editedAt: r.edited_at,
      }),
    );
  }
}


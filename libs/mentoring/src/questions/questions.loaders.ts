import { Injectable } from '@nestjs/common';
import type { Principal } from '@careers/contracts';
import type { GraphqlContext } from '@careers/platform';
import type { Answer, AnswerRevision, QuestionRevision } from './question.model.js';
import { QuestionsService } from './questions.service.js';

/**
 * The per-request DataLoaders of questions' field resolvers, named in one place: a list that selects answers or
 * revisions costs one statement for them all, not one per question.
 */
@Injectable()
export class QuestionsLoaders {
  constructor(private readonly service: QuestionsService) {}

  /** A question's answers as `caller` sees them (their votes): keyed by caller. */
  answers(ctx: GraphqlContext, caller: Principal, questionId: string): Promise<Answer[]> {
    return ctx.loaders.get<string, Answer[]>(`mentoring.answers:${caller.id}`, (ids) => this.service.answersOf(caller, ids)).load(questionId);
  }

  questionRevisions(ctx: GraphqlContext, questionId: string): Promise<QuestionRevision[]> {
    return ctx.loaders.get<string, QuestionRevision[]>('mentoring.questionRevisions', (ids) => this.service.questionRevisionsOf(ids)).load(questionId);
  }

  answerRevisions(ctx: GraphqlContext, answerId: string): Promise<AnswerRevision[]> {
    return ctx.loaders.get<string, AnswerRevision[]>('mentoring.answerRevisions', (ids) => this.service.answerRevisionsOf(ids)).load(answerId);
  }
}

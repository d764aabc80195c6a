import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { AnswerQuestionArgs, AskQuestionInput, EditAnswerArgs, EditQuestionInput, QuestionsArgs, QuestionTagArgs, QuestionTagsArgs, VoteAnswerArgs } from './question.inputs.js';
import { Answer, AnswerRevision, Question, QuestionRevision, QuestionTag } from './question.model.js';
import { QuestionsService } from './questions.service.js';

@ObjectType()
export class QuestionConnection extends Connection(Question) {}

const READERS = [Role.STUDENT, Role.ALUMNUS, Role.STAFF, Role.ADMIN] as const;
const answerId = () => Args('answerId', { type: () => ID, description: 'The answer.' }, IdPipe);

@Resolver(() => Question)
export class QuestionsResolver {
  constructor(private readonly service: QuestionsService) {}

  @Roles(Role.STUDENT)
  @Mutation(() => Question, {
    description: "Students ask the alumni community of their network (COMMUNITY) or one mentor of it privately (PRIVATE, with mentorId).",
  })
  askQuestion(@CurrentUser() caller: Principal, @Args('input', { description: 'Your question.' }) input: AskQuestionInput): Promise<Question> {
    return this.service.ask(caller, input);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => Question, { description: 'Edit your question; the version it replaces is kept in revisions.' })
  editQuestion(@CurrentUser() caller: Principal, @Args('input', { description: 'What to change.' }) input: EditQuestionInput): Promise<Question> {
    return this.service.edit(caller, input);
  }

  @Roles(Role.ALUMNUS, Role.STAFF)
  @Mutation(() => Answer, {
    description: "Answer a question: alumni and careers staff of a community question's institution, or the mentor a private question is for.",
  })
  answerQuestion(@CurrentUser() caller: Principal, @Args() args: AnswerQuestionArgs): Promise<Answer> {
    return this.service.answer(caller, args.questionId, args.body);
  }

  @Roles(Role.ALUMNUS, Role.STAFF)
  @Mutation(() => Answer, { description: 'Edit your answer; the version it replaces is kept in revisions.' })
  editAnswer(@CurrentUser() caller: Principal, @Args() args: EditAnswerArgs): Promise<Answer> {
    return this.service.editAnswer(caller, args.id, args.body);
  }

  @Roles(...READERS)
  @Mutation(() => Answer, { description: 'Vote an answer up or down: one vote per person per answer (a second is a CONFLICT), never on your own.' })
  voteAnswer(@CurrentUser() caller: Principal, @Args() args: VoteAnswerArgs): Promise<Answer> {
    return this.service.vote(caller, args.answerId, args.up);
  }

  @Roles(...READERS)
  @Mutation(() => Answer, { description: 'Take your vote on an answer back (then you may vote again); without a vote nothing changes.' })
  unvoteAnswer(@CurrentUser() caller: Principal, @answerId() id: string): Promise<Answer> {
    return this.service.unvote(caller, id);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => Answer, { description: 'Accept an answer to your question; accepting another moves the mark to it (one per question).' })
  acceptAnswer(@CurrentUser() caller: Principal, @answerId() id: string): Promise<Answer> {
    return this.service.accept(caller, id);
  }

  @Roles(...READERS)
  @Query(() => Question, { description: 'A question you may see (NOT_FOUND otherwise); reading it counts your view, once per person.' })
  question(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: "The question's id." }, IdPipe) id: string): Promise<Question> {
    return this.service.get(caller, id);
  }

  @Roles(...READERS)
  @Query(() => QuestionConnection, { description: 'Questions you may see, newest first (by relevance with a search), each with its answer count.' })
  questions(@CurrentUser() caller: Principal, @Args() args: QuestionsArgs) {
    return this.service.feed(caller, args);
  }

  @Roles(...READERS)
  @Query(() => [QuestionTag], { description: 'The most used tags of the questions you may see, for the tag picker and filter.' })
  questionTags(@CurrentUser() caller: Principal, @Args() args: QuestionTagsArgs): Promise<QuestionTag[]> {
    return this.service.tags(caller, args);
  }

  @Roles(Role.ALUMNUS, Role.STAFF)
  @Query(() => [String], { description: 'The question tags you follow (you hear of new community questions in them), alphabetically.' })
  myFollowedQuestionTags(@CurrentUser() caller: Principal): Promise<string[]> {
    return this.service.followed(caller);
  }

  @Roles(Role.ALUMNUS, Role.STAFF)
  @Mutation(() => [String], { description: 'Follow a question tag (up to 50): hear of new community questions in it. Returns the tags you follow.' })
  followQuestionTag(@CurrentUser() caller: Principal, @Args() args: QuestionTagArgs): Promise<string[]> {
    return this.service.follow(caller, args.tag);
  }

  @Roles(Role.ALUMNUS, Role.STAFF)
  @Mutation(() => [String], { description: 'Stop following a question tag. Returns the tags you follow.' })
  unfollowQuestionTag(@CurrentUser() caller: Principal, @Args() args: QuestionTagArgs): Promise<string[]> {
    return this.service.unfollow(caller, args.tag);
  }

  @ResolveField(() => [Answer], { description: 'The answers: the accepted one first, then by score, then oldest first. One query per question: read it on a question page, not in a list.' })
  answers(@CurrentUser() caller: Principal, @Parent() question: Question): Promise<Answer[]> {
    return this.service.answersOf(caller, question);
  }

  @ResolveField(() => [QuestionRevision], { description: 'Earlier versions of the question, oldest first; empty if never edited.' })
  revisions(@Parent() question: Question): Promise<QuestionRevision[]> {
    return this.service.questionRevisions(question);
  }
}

@Resolver(() => Answer)
export class AnswersResolver {
  constructor(private readonly service: QuestionsService) {}

  @ResolveField(() => [AnswerRevision], { description: 'Earlier versions of the answer, oldest first; empty if never edited.' })
  revisions(@Parent() answer: Answer): Promise<AnswerRevision[]> {
    return this.service.answerRevisions(answer);
  }
}

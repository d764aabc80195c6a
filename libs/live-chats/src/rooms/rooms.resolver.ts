import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe } from '@careers/platform';
import { RoomError } from './room-error.js';
import { AskLiveChatQuestionInput, LiveChatQuestion, LiveChatTranscript, LiveChatTranscriptArgs } from './room.models.js';
import { RoomQuestionsService } from './room-questions.service.js';
import { RoomsService } from './rooms.service.js';

/** Errors of the room as GraphQL errors (codes of the platform, the room's reason in extensions). */
async function gql<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof RoomError ? error.toAppError() : error;
  }
}

@ObjectType()
export class LiveChatQuestionConnection extends Connection(LiveChatQuestion) {}

/** Audience questions before the chat, and the transcript after it; the live room itself is on socket.io (`/live-chats`). */
@Resolver(() => LiveChatQuestion)
export class RoomsResolver {
  constructor(
    private readonly rooms: RoomsService,
    private readonly questions: RoomQuestionsService,
  ) {}

  @Query(() => LiveChatQuestionConnection, {
    description: 'The questions of a live chat, ranked: the one being answered, open ones by upvotes (then oldest first), answered ones; dismissed ones for hosts and staff only.',
  })
  liveChatQuestions(@CurrentUser() caller: Principal, @Args('eventId', { type: () => ID, description: 'The live chat.' }, IdPipe) eventId: string, @Args() args: ConnectionArgs) {
    return gql(this.questions.questionsConnection(eventId, caller, args)) as unknown as Promise<LiveChatQuestionConnection>;
  }

  @Mutation(() => LiveChatQuestion, { description: 'Ask the hosts a question (registered people, before or during the chat).' })
  askLiveChatQuestion(@CurrentUser() caller: Principal, @Args('input', { description: 'The live chat and the question.' }) input: AskLiveChatQuestionInput) {
    return gql(this.questions.ask(input.eventId, caller, input)) as unknown as Promise<LiveChatQuestion>;
  }

  @Mutation(() => LiveChatQuestion, { description: 'Upvote a question of another person, once.' })
  upvoteLiveChatQuestion(
    @CurrentUser() caller: Principal,
    @Args('eventId', { type: () => ID, description: 'The live chat the question was asked in.' }, IdPipe) eventId: string,
    @Args('questionId', { type: () => ID, description: 'The question to upvote; upvoting it again changes nothing.' }, IdPipe) questionId: string,
  ) {
    return gql(this.questions.upvote(eventId, caller, questionId)) as unknown as Promise<LiveChatQuestion>;
  }

  @Query(() => LiveChatTranscript, { description: 'For hosts and careers staff: what was said, page by page, and the answered questions.' })
  liveChatTranscript(@CurrentUser() caller: Principal, @Args() args: LiveChatTranscriptArgs) {
    return gql(this.rooms.transcript(args.eventId, caller, args.afterSeq, args.first)) as unknown as Promise<LiveChatTranscript>;
  }
}

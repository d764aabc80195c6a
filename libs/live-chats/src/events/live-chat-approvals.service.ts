import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApprovalDecision, type Principal, rollUpDecisions } from '@careers/contracts';
import { badInput, type ConnectionShape, decidingInstitution, decodeCursor, encodeCursor, notFound, Outbox, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { LiveChatAudienceRepository } from './live-chat-audience.repository.js';
import { type LiveChatAudience, LiveChatStatus } from './live-chat-event.entity.js';
import { LiveChatEventRepository } from './live-chat-event.repository.js';
import type { DecideLiveChatInput, LiveChatsAwaitingApprovalArgs } from './live-chat.inputs.js';

/** A chat's status from the roll-up of its audience's decisions: approved as soon as one institution approves. */
const STATUS_OF: Record<ApprovalDecision, LiveChatStatus> = {
  [ApprovalDecision.APPROVED]: LiveChatStatus.APPROVED,
  [ApprovalDecision.PENDING]: LiveChatStatus.PENDING,
  [ApprovalDecision.REJECTED]: LiveChatStatus.REJECTED,
};

/** Approval of live chats by careers staff, per audience institution (docs/architecture.md, "Approval by careers staff"). */
@Injectable()
export class LiveChatApprovalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly events: LiveChatEventRepository,
    private readonly audience: LiveChatAudienceRepository,
  ) {}

  /** Staff approve or reject an event for their own institution; the chat's status follows, and its hosts are told. */
  async decide(caller: Principal, input: DecideLiveChatInput): Promise<LiveChatAudience> {
    const institutionId = decidingInstitution(caller, input.institutionId);
    const eventId = input.eventId.toLowerCase();
    return this.db.transaction(async (tx) => {
      // Every decision on the chat changes under this lock, so the roll-up below reads them all as they now stand.
      const event = await this.events.lock(tx, eventId);
      const audience = event && (await this.audience.find(tx, eventId, institutionId));
      if (!event || !audience) throw notFound('The live chat');
      if (event.status === LiveChatStatus.CANCELLED) throw badInput('The live chat was cancelled by the employer: there is nothing to decide.');
      if (event.endsAt <= new Date()) throw badInput('The live chat is over: there is nothing to decide.');
      const approved = input.approve;
      const reason = approved ? (input.reason ?? null) : input.reason!;
      await this.audience.decide(tx, eventId, institutionId, {
        status: approved ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED,
        reason,
        decidedById: caller.id,
      });
      await this.events.setStatus(tx, eventId, STATUS_OF[rollUpDecisions(await this.events.decisionsOf(tx, eventId))]);
      const [hostIds] = await this.events.hostsOf(tx, [eventId]);
      await this.outbox.append(tx, {
        type: 'live-chats.event-decided',
        aggregateType: 'live-chat',
        aggregateId: eventId,
        payload: { eventId, title: event.title, institutionId, approved, reason, hostIds },
      });
      return this.audience.get(tx, eventId, institutionId);
    });
  }

  /** The approval queue of one institution (pending by default), newest first. */
  async awaitingApproval(caller: Principal, args: LiveChatsAwaitingApprovalArgs): Promise<ConnectionShape<LiveChatAudience>> {
    const institutionId = decidingInstitution(caller, args.institutionId);
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.events.decisionsAt(this.db.manager, institutionId, args.status ?? ApprovalDecision.PENDING, first + 1, after);
    return toConnection(rows, first, (a) => encodeCursor(a.createdAt.toISOString(), a.eventId));
  }
}

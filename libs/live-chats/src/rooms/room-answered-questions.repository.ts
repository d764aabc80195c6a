import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AnsweredQuestionsSource, TranscriptItem } from '../qa/qa.service.js';

/**
 * The room's answered audience questions, for the Q&A page staff publish
 * after the chat: each question with the answer given in the room, in the
 * order they were answered. An answer deleted by a moderator leaves its
 * question out. A repository, read-only, answering the Q&A's port
 * (AnsweredQuestionsSource): the SQL of `live_chat_question` joined to the
 * answers in `live_chat_message`. Dialect: see room-messages.repository.ts;
 * through the data source's manager, as the port reads outside any
 * transaction.
 */
@Injectable()
export class RoomAnsweredQuestions implements AnsweredQuestionsSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async answeredQuestions(eventId: string): Promise<TranscriptItem[]> {
    return this.db.query(
      `SELECT q.body AS question, m.body AS answer, q.author_id AS "askedById", m.author_id AS "answeredById"
       FROM live_chat_question q JOIN live_chat_message m ON m.event_id = q.event_id AND m.seq = q.answer_seq
       WHERE q.event_id = $1 AND q.status = 'ANSWERED' AND m.deleted_at IS NULL
       ORDER BY q.answer_seq
       LIMIT 1000`,
      [eventId],
    );
  }
}

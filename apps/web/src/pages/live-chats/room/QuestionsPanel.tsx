import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Dialog } from '../../../components/Dialog.js';
import { Composer } from './Composer.js';
import { rankedQuestions, type LiveRoomState, type RoomQuestion, type RoomRefusal } from './liveRoomState.js';
import styles from './Room.module.css';

export interface QuestionActions {
  ask(body: string): Promise<RoomRefusal | null>;
  upvote(questionId: string): Promise<RoomRefusal | null>;
  answering(questionId: string): Promise<RoomRefusal | null>;
  dismiss(questionId: string): Promise<RoomRefusal | null>;
  send(body: string, questionId?: string): Promise<RoomRefusal | null>;
}

const upvotesText = (n: number) => `${n} upvote${n === 1 ? '' : 's'}`;

/**
 * Audience questions ranked by upvotes, the one being answered first and highlighted. The audience asks and
 * upvotes (once each, not their own); hosts and staff mark one "Answering now", answer it in the room, or dismiss it.
 */
export function QuestionsPanel({ state, actions, myId, onProblem }: { state: LiveRoomState; actions: QuestionActions; myId: string | undefined; onProblem: (refusal: RoomRefusal | null, done?: string) => void }) {
  const moderator = state.role === 'HOST' || state.role === 'STAFF';
  const open = rankedQuestions(state);
  const answered = rankedQuestions(state, ['ANSWERED']);
  return (
    <Card title={moderator ? 'Question queue' : 'Questions'}>
      {!moderator && <Composer label="Ask a question" submitLabel="Ask" maxLength={1000} onSend={actions.ask} description="The hosts answer the most upvoted first." />}
      {open.length === 0 ? (
        <p className={`${styles['meta']} ${styles['after']}`}>No questions waiting.</p>
      ) : (
        <ol className={styles['questions']} aria-label={moderator ? 'Question queue' : 'Questions'}>
          {open.map((q) => (
            <QuestionItem key={q.id} q={q} moderator={moderator} mine={q.authorId === myId} actions={actions} onProblem={onProblem} answeringNow={state.settings?.answeringQuestionId === q.id || q.status === 'ANSWERING'} />
          ))}
        </ol>
      )}
      {answered.length > 0 && (
        <>
          <h3 className={styles['after']}>Answered</h3>
          <ul className={styles['questions']} aria-label="Answered questions">
            {answered.map((q) => (
              <li key={q.id} className={styles['question']}>
                <p>{q.body}</p>
                <p className={styles['meta']}>
                  {q.authorName} · {upvotesText(q.upvotes)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function QuestionItem({
  q,
  moderator,
  mine,
  actions,
  onProblem,
  answeringNow,
}: {
  q: RoomQuestion;
  moderator: boolean;
  mine: boolean;
  actions: QuestionActions;
  onProblem: (refusal: RoomRefusal | null, done?: string) => void;
  answeringNow: boolean;
}) {
  return (
    <li className={`${styles['question']} ${answeringNow ? styles['answering'] : ''}`} aria-current={answeringNow ? 'true' : undefined}>
      {answeringNow && <Badge tone="success">Answering now</Badge>}
      <p>{q.body}</p>
      <p className={styles['meta']}>
        <span>{q.authorName}</span>
        <span>{upvotesText(q.upvotes)}</span>
      </p>
      <div className={styles['tools']}>
        {!moderator && !mine && (
          <Button variant="secondary" isDisabled={q.upvotedByMe} onPress={() => void actions.upvote(q.id).then((r) => onProblem(r))} aria-label={q.upvotedByMe ? `Upvoted: ${q.body}` : `Upvote: ${q.body}`}>
            {q.upvotedByMe ? 'Upvoted' : 'Upvote'}
          </Button>
        )}
        {moderator && (
          <>
            {!answeringNow && (
              <Button variant="secondary" onPress={() => void actions.answering(q.id).then((r) => onProblem(r))}>
                Answering now
              </Button>
            )}
            <Dialog trigger={<Button>Answer…</Button>} title="Answer in the room">
              {(close) => (
                <>
                  <p>“{q.body}” ({q.authorName})</p>
                  <Composer
                    label="Your answer"
                    submitLabel="Send answer"
                    maxLength={2000}
                    rows={4}
                    onSend={async (body) => {
                      close();
                      const refusal = await actions.send(body, q.id);
                      onProblem(refusal);
                      return null;
                    }}
                  />
                </>
              )}
            </Dialog>
            <Button variant="quiet" onPress={() => void actions.dismiss(q.id).then((r) => onProblem(r, 'Question dismissed'))}>
              Dismiss
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

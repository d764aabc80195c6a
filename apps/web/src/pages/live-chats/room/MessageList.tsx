import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../../components/Button.js';
import { DateTime } from '../../../components/DateTime.js';
import { Confirm, Dialog } from '../../../components/Dialog.js';
import { NumberField } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import type { PendingMessage, RoomMessage, RoomQuestion, RoomRefusal } from './liveRoomState.js';
import styles from './Room.module.css';

export interface Moderation {
  deleteMessage(seq: number): Promise<RoomRefusal | null>;
  mute(userId: string, minutes: number): Promise<RoomRefusal | null>;
  remove(userId: string): Promise<RoomRefusal | null>;
}

const ROLE_WORDS = { HOST: 'Host', STAFF: 'Careers staff', REGISTERED: null } as const;

/**
 * The room's messages, oldest first, with the person's own pending ones after them. It follows the newest
 * message unless the person scrolled up; "Show earlier messages" reads older ones. Hosts and staff get, on each
 * message, delete, and on its author (a registered person), mute for a time and remove.
 */
export function MessageList({
  messages,
  pending,
  questions,
  hasEarlier,
  onEarlier,
  onFollow,
  moderation,
  myId,
  onProblem,
}: {
  messages: RoomMessage[];
  pending: PendingMessage[];
  questions: Record<string, RoomQuestion>;
  hasEarlier: boolean;
  onEarlier: () => Promise<RoomRefusal | null>;
  onFollow: () => void;
  moderation: Moderation | null;
  myId: string | undefined;
  onProblem: (refusal: RoomRefusal | null, done?: string) => void;
}) {
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const last = messages[messages.length - 1]?.seq;
  // Follow the newest message unless the person scrolled up to read.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [last, pending.length]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onScroll = () => {
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      if (atBottom && !following.current) onFollow();
      following.current = atBottom;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [onFollow]);

  return (
    <>
      {hasEarlier && (
        <Button
          variant="secondary"
          isPending={loadingEarlier}
          onPress={() => {
            setLoadingEarlier(true);
            void onEarlier().then((refusal) => {
              setLoadingEarlier(false);
              if (refusal) onProblem(refusal);
            });
          }}
        >
          Show earlier messages
        </Button>
      )}
      {/* A log: screen readers announce new messages politely. Focusable so the keyboard can scroll it. */}
      <ol ref={box} className={styles['log']} role="log" aria-label="Messages" tabIndex={0}>
        {messages.length === 0 && pending.length === 0 && <li className={styles['message']}>No messages yet. Say hello!</li>}
        {messages.map((m) => {
          const role = ROLE_WORDS[m.authorRole];
          const answers = m.questionId ? questions[m.questionId] : undefined;
          return (
            <li key={m.seq} className={styles['message']} data-seq={m.seq}>
              <div className={styles['meta']}>
                <span className={styles['author']}>{m.authorName}</span>
                {role && <span>{role}</span>}
                <DateTime value={m.createdAt} format="time" />
              </div>
              {m.questionId && <p className={styles['answerTo']}>Answer to: {answers ? `“${answers.body}” (${answers.authorName})` : 'an audience question'}</p>}
              {m.deleted ? <p className={styles['deleted']}>This message was deleted.</p> : <p className={styles['body']}>{m.body}</p>}
              {moderation && !m.deleted && (
                <div className={styles['tools']}>
                  <Confirm
                    label="Delete"
                    title="Delete this message?"
                    message={`Everyone sees that a message from ${m.authorName} was deleted; its text is kept in the moderation log.`}
                    confirmLabel="Delete message"
                    onConfirm={async () => onProblem(await moderation.deleteMessage(m.seq), 'Message deleted')}
                  />
                  {m.authorRole === 'REGISTERED' && m.authorId !== myId && <SanctionTools moderation={moderation} userId={m.authorId} name={m.authorName} onProblem={onProblem} />}
                </div>
              )}
            </li>
          );
        })}
        {pending.map((p) => (
          <li key={p.clientId} className={`${styles['message']} ${styles['pending']}`}>
            <div className={styles['meta']}>
              <span className={styles['author']}>You</span>
              <span>Sending…</span>
            </div>
            <p className={styles['body']}>{p.body}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

function SanctionTools({ moderation, userId, name, onProblem }: { moderation: Moderation; userId: string; name: string; onProblem: (refusal: RoomRefusal | null, done?: string) => void }) {
  return (
    <>
      <Dialog trigger={<Button variant="secondary">Mute…</Button>} title={`Mute ${name}`}>
        {(close) => (
          <Form
            submitLabel="Mute"
            onSubmit={async (values) => {
              const minutes = Number(values.get('minutes'));
              const refusal = await moderation.mute(userId, minutes);
              onProblem(refusal, `${name} is muted for ${minutes} minute${minutes === 1 ? '' : 's'}`);
              close();
            }}
            actions={
              <Button variant="secondary" onPress={close}>
                Cancel
              </Button>
            }
          >
            <NumberField label="Minutes" name="minutes" defaultValue={10} minValue={1} maxValue={1440} isRequired description="1 to 1,440 (a day). They can still read the room." />
          </Form>
        )}
      </Dialog>
      <Confirm
        label="Remove"
        title={`Remove ${name}?`}
        message={`${name} leaves the room and cannot come back to this live chat.`}
        confirmLabel="Remove from the chat"
        onConfirm={async () => onProblem(await moderation.remove(userId), `${name} was removed`)}
      />
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { TextArea } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import { RefusalText } from './RefusalText.js';
import type { RoomRefusal } from './liveRoomState.js';
import styles from './Room.module.css';

/**
 * A text box and its button: the text goes at once (the caller shows it as pending), and comes back into the
 * box with the refusal in words beside it when the room refuses it. Enter sends, Shift+Enter starts a new line
 * (and Enter while an input method composes a word is the input method's).
 */
export function Composer({
  label,
  submitLabel,
  maxLength,
  onSend,
  description,
  rows = 2,
}: {
  label: string;
  submitLabel: string;
  maxLength: number;
  onSend: (body: string) => Promise<RoomRefusal | null>;
  description?: string;
  rows?: number;
}) {
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<RoomRefusal | null>(null);
  const id = `refusal-${label.replace(/\W+/g, '-').toLowerCase()}`;
  let words: ReactNode = null;
  if (refusal) words = <RefusalText refusal={refusal} />;
  return (
    <Form
      submitLabel={submitLabel}
      aria-label={label}
      onSubmit={async () => {
        const body = text.trim();
        if (!body) return;
        setRefusal(null);
        setText('');
        const refused = await onSend(body);
        if (refused) {
          setRefusal(refused);
          setText((now) => now || body);
        }
      }}
    >
      <TextArea
        label={label}
        name="body"
        value={text}
        onChange={setText}
        isRequired
        maxLength={maxLength}
        rows={rows}
        description={description}
        aria-describedby={id}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return event.continuePropagation();
          event.preventDefault();
          if (text.trim()) (event.target as HTMLTextAreaElement).form?.requestSubmit();
        }}
      />
      <p id={id} role="alert" className={styles['refusal']}>
        {words}
      </p>
    </Form>
  );
}

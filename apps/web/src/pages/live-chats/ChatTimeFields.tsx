import { TextField } from '../../components/fields.js';
import styles from '../pages.module.css';
import { endError, startError, viewerTimeZone } from './chatTimes.js';

/** The fields an employer fills in for the times of a chat, checked in the browser: shared by scheduling and editing. */
export function ChatTimeFields({ start, setStart, defaults }: { start: string; setStart: (v: string) => void; defaults?: { startsAt: string; endsAt: string } }) {
  return (
    <div className={styles['grid']}>
      <TextField
        label="Starts"
        name="startsAt"
        type="datetime-local"
        isRequired
        description={`In your time zone (${viewerTimeZone()}).`}
        defaultValue={defaults?.startsAt}
        onChange={setStart}
        validate={(v) => startError(v)}
      />
      <TextField
        label="Ends"
        name="endsAt"
        type="datetime-local"
        isRequired
        description="At most 4 hours after the start."
        defaultValue={defaults?.endsAt}
        validate={(v) => endError(start, v)}
      />
    </div>
  );
}

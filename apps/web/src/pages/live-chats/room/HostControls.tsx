import { useState } from 'react';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Confirm } from '../../../components/Dialog.js';
import { NumberField } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import type { RoomRefusal, RoomSettings } from './liveRoomState.js';
import styles from '../../pages.module.css';
import room from './Room.module.css';

/** Hosts' and staff's controls of the room: slow mode on and off, and closing it (confirmed). */
export function HostControls({
  settings,
  slowMode,
  closeRoom,
  onProblem,
}: {
  settings: RoomSettings | null;
  slowMode: (seconds: number) => Promise<RoomRefusal | null>;
  closeRoom: () => Promise<RoomRefusal | null>;
  onProblem: (refusal: RoomRefusal | null, done?: string) => void;
}) {
  const on = (settings?.slowModeSeconds ?? 0) > 0;
  const [seconds, setSeconds] = useState(30);
  if (settings?.closed) return <Card title="Room controls"><p>The room is closed: it is read-only for everyone.</p></Card>;
  return (
    <Card title="Room controls">
      <p>{on ? `Slow mode is on: students may send one message every ${settings!.slowModeSeconds} seconds.` : 'Slow mode is off.'}</p>
      <Form
        aria-label="Slow mode"
        submitLabel={on ? 'Change slow mode' : 'Turn slow mode on'}
        onSubmit={async () => onProblem(await slowMode(seconds), `Slow mode on: ${seconds} seconds`)}
        actions={
          on ? (
            <Button variant="secondary" onPress={() => void slowMode(0).then((r) => onProblem(r, 'Slow mode off'))}>
              Turn slow mode off
            </Button>
          ) : undefined
        }
      >
        <NumberField label="Seconds between messages" name="seconds" value={seconds} onChange={(v) => setSeconds(Number.isFinite(v) ? v : 30)} minValue={1} maxValue={3600} isRequired />
      </Form>
      <div className={`${styles['row']} ${room['after']}`}>
        <Confirm
          label="Close the room"
          title="Close the room?"
          message="Nobody can send messages or questions any more; everyone can still read what was said. This cannot be undone."
          confirmLabel="Close the room"
          onConfirm={async () => onProblem(await closeRoom(), 'The room is closed')}
        />
      </div>
    </Card>
  );
}

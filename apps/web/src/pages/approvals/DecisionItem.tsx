import { useEffect, useRef } from 'react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DateTime } from '../../components/DateTime.js';
import { Dialog } from '../../components/Dialog.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import styles from '../pages.module.css';
import own from './ApprovalsPage.module.css';

export interface Decidable {
  /** The id of what is decided on (organisation, vacancy, live chat): the item's element id, for `#<id>` links. */
  id: string;
  title: string;
  detail?: string | null;
  askedAt: string;
  status: string;
}

/** One item awaiting the institution's decision: approve at once, or reject with a reason (required). */
export function DecisionItem({ item, focused, decide }: { item: Decidable; focused: boolean; decide: (approve: boolean, reason?: string) => Promise<unknown> }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) {
      ref.current?.scrollIntoView({ block: 'center' });
      ref.current?.focus();
    }
  }, [focused]);
  return (
    <li id={item.id} ref={ref} tabIndex={-1} className={`${own['item']} ${focused ? own['focused'] : ''}`} aria-labelledby={`t-${item.id}`}>
      <h2 id={`t-${item.id}`} className={own['title']}>
        {item.title}
      </h2>
      {item.detail && <p>{item.detail}</p>}
      <p className={`${styles['row']} ${styles['muted']}`}>
        <span>
          Asked <DateTime value={item.askedAt} />
        </span>
        <Badge>{item.status.toLowerCase()}</Badge>
      </p>
      <div className={styles['row']}>
        <Button onPress={() => void decide(true)}>Approve</Button>
        <Dialog trigger={<Button variant="secondary">Reject…</Button>} title={`Reject ${item.title}`}>
          {(close) => (
            <Form
              submitLabel="Reject"
              actions={
                <Button variant="quiet" onPress={close}>
                  Cancel
                </Button>
              }
              onSubmit={async (values) => {
                await decide(false, String(values.get('reason') ?? '').trim());
                close();
              }}
            >
              <TextArea label="Reason" name="reason" description="The employer sees it, and may change what you ask and try again." isRequired maxLength={2000} autoFocus />
            </Form>
          )}
        </Dialog>
      </div>
    </li>
  );
}

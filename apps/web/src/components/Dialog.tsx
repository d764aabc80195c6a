import type { ReactNode } from 'react';
import { Dialog as AriaDialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonProps } from './Button.js';
import styles from './Dialog.module.css';

/** A modal dialog opened by `trigger` (a Button); focus is trapped inside and returns to the trigger on close. */
export function Dialog({ trigger, title, children }: { trigger: ReactNode; title: string; children: (close: () => void) => ReactNode }) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className={styles['overlay']} isDismissable>
        <Modal className={styles['modal']}>
          <AriaDialog className={styles['dialog']}>
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children(close)}
              </>
            )}
          </AriaDialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** Asks before doing something that cannot be undone. */
export function Confirm({
  label,
  title,
  message,
  confirmLabel = label,
  onConfirm,
  variant = 'danger',
}: {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => unknown;
  variant?: ButtonProps['variant'];
}) {
  return (
    <Dialog trigger={<Button variant="secondary">{label}</Button>} title={title}>
      {(close) => (
        <>
          <p>{message}</p>
          <div className={styles['actions']}>
            <Button variant="secondary" onPress={close} autoFocus>
              Cancel
            </Button>
            <Button
              variant={variant}
              onPress={() => {
                close();
                void onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

import { cloneElement, lazy, Suspense, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Button, type ButtonProps } from './Button.js';
import styles from './Dialog.module.css';

// react-aria's modal (overlay, focus scope, scroll lock) is a fifth of a page's JavaScript; it loads when a
// dialog first opens, not with every page that has one.
const DialogModal = lazy(() => import('./DialogModal.js'));

/**
 * A modal dialog opened by `trigger` (one of our Buttons); focus is trapped inside and returns to the trigger
 * on close.
 */
export function Dialog({ trigger, title, children }: { trigger: ReactElement<ButtonProps>; title: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const close = () => {
    setOpen(false);
    // The modal's own focus scope restores focus to what had it; the trigger had it when pressed, but make sure.
    requestAnimationFrame(() => wrapper.current?.querySelector<HTMLElement>('button')?.focus());
  };
  return (
    <>
      <span ref={wrapper} className={styles['trigger']}>
        {cloneElement(trigger, { onPress: () => setOpen(true), 'aria-haspopup': 'dialog', 'aria-expanded': open })}
      </span>
      {open && (
        <Suspense fallback={null}>
          <DialogModal title={title} onClose={close}>
            {children}
          </DialogModal>
        </Suspense>
      )}
    </>
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

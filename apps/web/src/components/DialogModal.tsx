import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './Dialog.module.css';

/** The open dialog itself: loaded the first time a dialog opens (Dialog.tsx), so pages do not carry it. */
export default function DialogModal({ title, children, onClose }: { title: string; children: (close: () => void) => ReactNode; onClose: () => void }) {
  return (
    <ModalOverlay className={styles['overlay']} isDismissable isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className={styles['modal']}>
        <AriaDialog className={styles['dialog']}>
          <Heading slot="title">{title}</Heading>
          {children(onClose)}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

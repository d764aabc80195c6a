import type { ReactNode } from 'react';
import { toFormError } from '../lib/errors.js';
import { Button } from './Button.js';
import styles from './misc.module.css';

/** What a list shows while it loads, when it failed (with a retry), when it is empty, or else its items. */
export function ListState({
  loading,
  error,
  empty,
  emptyText,
  onRetry,
  children,
}: {
  loading: boolean;
  error?: unknown;
  empty: boolean;
  emptyText: string;
  onRetry?: () => unknown;
  children: ReactNode;
}) {
  if (error && empty) {
    return (
      <div role="alert" className={styles['state']}>
        <p>{toFormError(error).message}</p>
        {onRetry && (
          <Button variant="secondary" onPress={() => void onRetry()}>
            Try again
          </Button>
        )}
      </div>
    );
  }
  if (loading && empty) return <p className={styles['state']} role="status">Loading…</p>;
  if (empty) return <p className={styles['state']}>{emptyText}</p>;
  return <>{children}</>;
}

import { Button } from './Button.js';
import styles from './misc.module.css';

/** "Load more" over a Relay connection (usePagedQuery's `hasMore`, `loadMore`, `loadingMore`). */
export function Pager({ hasMore, loadMore, loadingMore, label = 'Load more' }: { hasMore: boolean; loadMore: () => unknown; loadingMore: boolean; label?: string }) {
  if (!hasMore) return null;
  return (
    <div className={styles['pager']}>
      <Button variant="secondary" onPress={() => void loadMore()} isPending={loadingMore}>
        {label}
      </Button>
    </div>
  );
}

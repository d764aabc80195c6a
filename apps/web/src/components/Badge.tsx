import type { ReactNode } from 'react';
import styles from './misc.module.css';

export function Badge({ children, tone = 'neutral', 'aria-label': label }: { children: ReactNode; tone?: 'neutral' | 'success' | 'warning' | 'danger'; 'aria-label'?: string }) {
  return (
    <span className={`${styles['badge']} ${styles[tone] ?? ''}`} aria-label={label}>
      {children}
    </span>
  );
}

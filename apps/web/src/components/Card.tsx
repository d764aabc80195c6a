import type { ReactNode } from 'react';
import styles from './misc.module.css';

/** A bordered box; `as="li"` inside a <ul> for lists of cards; `title` becomes its heading. */
export function Card({ title, as: Tag = 'section', children, headingLevel = 2 }: { title?: ReactNode; as?: 'section' | 'article' | 'li' | 'div'; children: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Tag className={styles['card']}>
      {title && <H className={styles['cardTitle']}>{title}</H>}
      {children}
    </Tag>
  );
}

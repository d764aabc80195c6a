import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import styles from './misc.module.css';

const SITE = 'Careers network';
let firstPage = true;

/**
 * Every page starts with one: its <h1>, the document title ("<title> · Careers network"), and, after a
 * client-side navigation, the keyboard focus on the h1 (so screen readers announce the new page).
 */
export function PageHeader({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = title === SITE ? SITE : `${title} · ${SITE}`;
  }, [title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, [location.key]);
  return (
    <div className={styles['pageHeader']}>
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
      {actions && <div className={styles['pageActions']}>{actions}</div>}
    </div>
  );
}

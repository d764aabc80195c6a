import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../lib/session-context.js';
import { Link } from './Link.js';
import { NAV } from './nav.js';
import { NotificationBell } from './NotificationBell.js';
import styles from './Shell.module.css';

/** The app shell: a skip link, the header with the role's navigation and the bell, and the page's <main>. */
export function Shell({ children }: { children: ReactNode }) {
  const { user, role } = useSession();
  const { pathname } = useLocation();
  const items = NAV[role ?? 'GUEST'];
  return (
    <>
      <a href="#main" className={styles['skip']}>
        Skip to content
      </a>
      <header className={styles['header']}>
        <div className={styles['bar']}>
          <Link href="/" variant="nav">
            <strong>Careers network</strong>
          </Link>
          <nav aria-label="Main" className={styles['nav']}>
            <ul className={styles['list']}>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} variant="nav" aria-current={pathname === item.href ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {user && (
            <div className={styles['me']}>
              <NotificationBell />
              <Link href="/profile" variant="nav">
                Profile
              </Link>
              <Link href="/account" variant="nav">
                Account
              </Link>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles['main']}>
        {children}
      </main>
      <footer className={styles['footer']}>
        <p>Careers network: open source, run by your careers service.</p>
      </footer>
    </>
  );
}

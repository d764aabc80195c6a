import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../lib/session-context.js';
import { Link } from './Link.js';
import { NAV } from './nav.js';
import { NotificationBell } from './NotificationBell.js';
import styles from './Shell.module.css';

/**
 * The app shell: a skip link, the header with the role's navigation and the bell, and the page's <main>.
 * The navigation has a row of its own under the name and the person's links (it wraps if ever it must), so a role's
 * eight entries or more fit beside nothing else; on a phone it folds behind a "Menu" button (a disclosure:
 * aria-expanded, Escape closes it, a navigation closes it) and opens as a panel under the header. The order on
 * screen is the order in the page (and for the keyboard) at every width.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { user, role } = useSession();
  const { pathname } = useLocation();
  const items = NAV[role ?? 'GUEST'];
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [pathname]);
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };
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
          <nav aria-label="Main" className={styles['nav']} onKeyDown={closeOnEscape}>
            <button
              ref={menuButton}
              type="button"
              className={styles['menu']}
              aria-expanded={menuOpen}
              aria-controls="main-nav-list"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
            </button>
            <ul id="main-nav-list" className={styles['list']} data-open={menuOpen || undefined}>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} variant="nav" aria-current={pathname === item.href ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
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

import type { Key, ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs } from 'react-aria-components';
import styles from './misc.module.css';

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
  /** A client route: selecting the tab navigates there (e.g. /approvals/vacancies). */
  href?: string;
}

export function Tabs({ items, selectedKey, onSelectionChange, 'aria-label': label }: { items: TabItem[]; selectedKey?: string; onSelectionChange?: (key: Key) => void; 'aria-label': string }) {
  return (
    <AriaTabs selectedKey={selectedKey} onSelectionChange={onSelectionChange} className={styles['tabs']}>
      <TabList aria-label={label} className={styles['tabList']}>
        {items.map((t) => (
          <Tab key={t.id} id={t.id} href={t.href} className={styles['tab']}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {items.map((t) => (
        <TabPanel key={t.id} id={t.id} className={styles['tabPanel']}>
          {t.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}

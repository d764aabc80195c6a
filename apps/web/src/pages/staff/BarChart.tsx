import type { ReactNode } from 'react';
import styles from './BarChart.module.css';

export interface Series<Item> {
  label: string;
  value: (item: Item) => number;
}

/**
 * A grouped bar chart in hand-written SVG (one group per item, one bar per series), inside a <figure> with its
 * caption. The bars are decoration for sighted readers; the same numbers are in the table under them, which is
 * what assistive technology reads.
 */
export function BarChart<Item>({ caption, itemHeader, items, label, name, series, id }: {
  caption: string;
  /** The table's first column heading ("Vacancy"). */
  itemHeader: string;
  items: readonly Item[];
  /** What the chart shows above an item's bars (a title and details). */
  label: (item: Item) => ReactNode;
  /** The item's name in the table's first column, short enough for a phone. */
  name: (item: Item) => string;
  series: Series<Item>[];
  id: string;
}) {
  const max = Math.max(1, ...items.flatMap((item) => series.map((s) => s.value(item))));
  const tone = (i: number) => styles[`s${i % 5}`];
  return (
    <figure className={styles['figure']} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className={styles['caption']}>
        {caption}
      </figcaption>
      <ul className={styles['legend']} aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.label}>
            <span className={`${styles['swatch']} ${tone(i)}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <div className={styles['chart']} aria-hidden="true">
        {items.map((item, row) => (
          <div key={row}>
            <p className={styles['label']}>{label(item)}</p>
            {series.map((s, i) => {
              const value = s.value(item);
              return (
                <div key={s.label} className={styles['bar']}>
                  <svg className={styles['track']} viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                    <rect className={tone(i)} x="0" y="0" height="10" width={(value / max) * 100} />
                  </svg>
                  <span className={styles['value']}>{value}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className={styles['tableWrap']} role="region" aria-label={`${itemHeader} figures, as a table`} tabIndex={0}>
        <table className={styles['table']}>
          <thead>
            <tr>
              <th scope="col">{itemHeader}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item, row) => (
              <tr key={row}>
                <th scope="row">{name(item)}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.value(item)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

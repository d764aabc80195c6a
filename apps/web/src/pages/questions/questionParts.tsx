import { Badge } from '../../components/Badge.js';
import { Link } from '../../components/Link.js';
import own from './Questions.module.css';

/** Text people wrote, kept as written (paragraphs, line breaks), escaped by React: never markup. */
export const Prose = ({ text }: { text: string }) => <p className={own['prewrap']}>{text}</p>;

/** A question's tags, each a link to its tag view. */
export function TagList({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className={own['tags']} aria-label={label}>
      {tags.map((t) => (
        <li key={t}>
          <Link href={`/questions?tag=${encodeURIComponent(t)}`}>
            <Badge>{t}</Badge>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Tags as typed in one field, comma-separated. */
export const splitTags = (value: string) =>
  value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

import { Link as AriaLink, type LinkProps as AriaLinkProps } from 'react-aria-components';
import styles from './Link.module.css';

/** A link; `href` to a client route navigates without reloading (RouterProvider in App). */
export function Link(props: Omit<AriaLinkProps, 'className' | 'style'> & { variant?: 'inline' | 'nav' }) {
  const { variant = 'inline', ...rest } = props;
  return <AriaLink {...rest} className={styles[variant]} />;
}

import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import styles from './Button.module.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'style'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
}

/** A button (react-aria: press events, keyboard, `isPending` announces progress). */
export function Button({ variant = 'primary', ...props }: ButtonProps) {
  return <AriaButton {...props} className={`${styles['button']} ${styles[variant]}`} />;
}

import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import classes from './disclosure.module.css';

interface DisclosureProps {
  /** Accessible name of the toggle, e.g. "Menu". */
  label: string;
  /** What the toggle shows. */
  summary: ReactNode;
  variant?: 'dropdown' | 'sheet';
  children: ReactNode;
}

/**
 * A menu built on <details>, so it opens and closes without JavaScript (the sign-out button lives
 * in one). With JavaScript it also closes on navigation, outside clicks and Escape.
 */
export function Disclosure({ label, summary, variant = 'dropdown', children }: DisclosureProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the reaction to a new location.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);

  useEffect(() => {
    const closeOnOutsidePointer = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key !== 'Escape' || !details?.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, []);

  return (
    <details ref={ref} className={classes.root}>
      <summary className={classes.summary} aria-label={label}>
        {summary}
      </summary>
      <div className={variant === 'sheet' ? `${classes.panel} ${classes.sheet}` : classes.panel}>{children}</div>
    </details>
  );
}

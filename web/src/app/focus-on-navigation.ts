import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * A new screen moves focus to its heading (or the main region while it loads), so keyboard and
 * screen-reader users start at the top of what changed instead of on a link that is gone.
 */
export function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById('main');
      const target = main?.querySelector<HTMLElement>('h1') ?? main;
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

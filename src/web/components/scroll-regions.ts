import { useEffect } from 'react';

/**
 * A table wider than its card scrolls sideways; a keyboard can only scroll what it can focus
 * (WCAG 2.1.1), and antd gives its scrolling box no tabindex. This gives every table's scrolling
 * box one, with the table's name, while the layout is shown.
 */
export function useFocusableScrollRegions(label: string) {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex])')) {
        if (el.scrollWidth <= el.clientWidth) continue;
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', label);
      }
    };
    let queued = 0;
    const later = () => {
      if (!queued) queued = requestAnimationFrame(() => ((queued = 0), mark()));
    };
    mark();
    const watch = new MutationObserver(later);
    watch.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', later);
    return () => {
      watch.disconnect();
      cancelAnimationFrame(queued);
      window.removeEventListener('resize', later);
    };
  }, [label]);
}

import { useEffect, useRef } from 'react';

function focusables(root: HTMLElement | null): HTMLElement[] {
  return root
    ? Array.from(
        root.querySelectorAll<HTMLElement>(
          'button:not([disabled]), [href], input:not([disabled]), [tabindex="0"]',
        ),
      )
    : [];
}

/**
 * Dialog keyboard behaviour: focus the element marked `data-autofocus` (or the first focusable,
 * or the dialog itself) on open and whenever `focusKey` changes, close on Escape, keep Tab
 * inside the dialog, and give focus back to where it was on close. Give the dialog `tabIndex={-1}`.
 */
export function useDialogFocus<T extends HTMLElement>(onClose: () => void, focusKey: string = '') {
  const ref = useRef<T>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const onKey = (event: KeyboardEvent) => {
      const root = ref.current;
      if (event.key === 'Escape') {
        event.preventDefault();
        closeRef.current();
        return;
      }
      if (event.key !== 'Tab' || !root) return;
      const items = focusables(root);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      if (!root.contains(document.activeElement)) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root).focus();
  }, [focusKey]);

  return ref;
}

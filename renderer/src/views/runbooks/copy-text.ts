/**
 * Put text on the clipboard: the async Clipboard API where the page may use it, else the
 * classic hidden-textarea copy. Resolves to true when the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the textarea copy (permission refused, or no focus).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  const copied = (() => {
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  })();
  area.remove();
  previous?.focus();
  return copied;
}

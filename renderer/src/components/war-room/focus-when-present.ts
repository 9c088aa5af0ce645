/**
 * Focus the first element matching `selector` once it is on the page (a screen may render a
 * frame or two after a switch). Gives up after `frames` animation frames; resolves true if focused.
 */
export function focusWhenPresent(selector: string, frames = 30): Promise<boolean> {
  return new Promise((resolve) => {
    let left = frames;
    const attempt = () => {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        element.focus();
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) element.select();
        resolve(true);
        return;
      }
      if (--left <= 0) {
        resolve(false);
        return;
      }
      requestAnimationFrame(attempt);
    };
    attempt();
  });
}

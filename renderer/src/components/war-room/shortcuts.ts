/** What a key press asks for, when it is one of the app's shortcuts. */
export type ShortcutAction =
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'notes' }
  | { kind: 'search' }
  | { kind: 'theme' }
  | { kind: 'presentation' }
  | { kind: 'stage'; index: number };

/** The parts of a keyboard event the shortcuts read. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when focus is in a text field, where bare letters must type. */
  editable: boolean;
}

/** One line of the help overlay. */
export interface ShortcutHelp {
  keys: string;
  what: string;
}

/** The shortcuts, as the help overlay lists them. */
export const shortcutHelp: ShortcutHelp[] = [
  { keys: 'Ctrl+K / ⌘K', what: 'Command palette: every screen, stage, action and runbook' },
  { keys: 'Alt+1 … Alt+5', what: 'Go to stage 1–5 (Assess, Activate, Recover, Validate, Document)' },
  { keys: 'N or Ctrl+Shift+N', what: 'Write a note in the open incident' },
  { keys: '/', what: 'Search the runbooks' },
  { keys: 'Alt+T', what: 'Switch between the dark and the light theme' },
  { keys: 'Alt+P', what: 'Presentation mode (large text for a projector)' },
  { keys: '?', what: 'This list of shortcuts' },
  { keys: 'Escape', what: 'Close the palette, this list or a dialog' },
];

/** The shortcut a key press means, or null (pure). Bare keys do nothing while typing in a field. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const command = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (command && !press.altKey && !press.shiftKey && key === 'k') return { kind: 'palette' };
  if (command && press.shiftKey && !press.altKey && key === 'n') return { kind: 'notes' };
  if (press.altKey && !command) {
    const digit = /^Digit([1-9])$/.exec(press.code);
    if (digit) return { kind: 'stage', index: Number(digit[1]) - 1 };
    if (press.code === 'KeyT') return { kind: 'theme' };
    if (press.code === 'KeyP') return { kind: 'presentation' };
    return null;
  }
  if (command || press.altKey || press.editable) return null;
  if (press.key === '?') return { kind: 'help' };
  if (press.key === '/') return { kind: 'search' };
  if (key === 'n' && !press.shiftKey) return { kind: 'notes' };
  return null;
}

/** True when the element takes typed text (inputs, text areas, selects, contenteditable). */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return element.isContentEditable === true;
}

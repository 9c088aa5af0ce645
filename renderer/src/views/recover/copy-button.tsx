import { useState } from 'react';

/** A button that copies text to the clipboard and says so (for screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          void navigator.clipboard
            .writeText(text)
            .then(() => setState('copied'))
            .catch(() => setState('failed'));
        }}
      >
        {label}
      </button>
      <span role="status" className="muted small">
        {state === 'copied' ? ' Copied.' : state === 'failed' ? ' Copy failed: select the text instead.' : ''}
      </span>
    </>
  );
}

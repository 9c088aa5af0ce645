import { useEffect, useState } from 'react';
import type { FilledPlaceholder } from '../../../../electron/core/runbooks/runbook-view';
import { useStore } from '../../store/index';
import { useDebounced } from './use-debounced';

/** Delay between the last keystroke in a placeholder field and the refreshed runbook. */
export const VALUE_DEBOUNCE_MS = 250;

function PlaceholderField({ placeholder, runbookId }: { placeholder: FilledPlaceholder; runbookId: string }) {
  const setValue = useStore((s) => s.setRunbookValue);
  const [text, setText] = useState(placeholder.value ?? '');
  const settled = useDebounced(text, VALUE_DEBOUNCE_MS);
  const id = `rb-ph-${runbookId}-${placeholder.name}`;

  useEffect(() => {
    if (settled !== (placeholder.value ?? '')) void setValue(placeholder.name, settled);
    // Only a settled edit by the commander should write a value, not a new runbook's value arriving.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  return (
    <div className={`rb-field ${placeholder.value ? 'rb-field-filled' : ''}`}>
      <label htmlFor={id}>
        <code>&lt;{placeholder.name}&gt;</code>
      </label>
      <input
        id={id}
        type="text"
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-desc`}
        onChange={(event) => setText(event.target.value)}
      />
      <span id={`${id}-desc`} className="rb-hint">
        {placeholder.description}
      </span>
    </div>
  );
}

/**
 * The runbook's placeholders with their values: typing a value fills it into every command of
 * every runbook for this session (the incident context).
 */
export function PlaceholderForm({
  runbookId,
  placeholders,
}: {
  runbookId: string;
  placeholders: FilledPlaceholder[];
}) {
  if (placeholders.length === 0) return null;
  const filled = placeholders.filter((p) => p.value !== null).length;
  return (
    <details className="rb-placeholders" open={filled < placeholders.length}>
      <summary>
        Placeholders: {filled} of {placeholders.length} filled
      </summary>
      <div className="rb-fields">
        {placeholders.map((placeholder) => (
          <PlaceholderField
            key={`${runbookId}:${placeholder.name}`}
            placeholder={placeholder}
            runbookId={runbookId}
          />
        ))}
      </div>
    </details>
  );
}

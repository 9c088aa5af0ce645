/** One option of a `ChoiceSelect`. */
export interface Choice<T extends string> {
  value: T;
  title: string;
}

/**
 * A labelled drop-down of choices, optionally headed by an "any" option whose value is `''`
 * (e.g. "Every region"; `T` then includes `''`).
 */
export function ChoiceSelect<T extends string>({
  label,
  value,
  choices,
  onChange,
  anyTitle,
  className,
}: {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  /** The title of the leading `''` option; no such option when absent. */
  anyTitle?: string;
  /** The label's class. */
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {anyTitle === undefined ? null : <option value="">{anyTitle}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled drop-down of the scenario's regions, each titled by its name. */
export function RegionSelect({
  regions,
  ...rest
}: {
  label: string;
  regions: readonly string[];
  value: string;
  onChange: (region: string) => void;
  anyTitle?: string;
}) {
  return <ChoiceSelect {...rest} choices={regions.map((r) => ({ value: r, title: r }))} />;
}

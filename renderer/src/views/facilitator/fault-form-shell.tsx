import type { ReactNode } from 'react';
import { FieldProblem } from './field-problem';

/** The submit button that ends a fault form's row of fields. */
export interface FaultFormSubmit {
  label: ReactNode;
  /** `danger` for a change that breaks something, `primary` otherwise. */
  tone: 'primary' | 'danger';
  disabled: boolean;
}

/**
 * The frame every facilitator fault form shares: a panel form named by its heading, browser
 * validation off (the form checks its fields and says what is wrong), a row of fields ended by the
 * submit button, the problem with the fields if any, then the rest.
 */
export function FaultFormShell({
  id,
  title,
  onSubmit,
  fields,
  submit,
  problem,
  children,
}: {
  /** From `useId`: the heading is `${id}-heading`, the problem `${id}-problem`. */
  id: string;
  title: string;
  /** Called on submit (the page is not reloaded). */
  onSubmit: () => void;
  /** The row's fields. */
  fields: ReactNode;
  /** The row's submit button; none when the form puts its own buttons in `children`. */
  submit?: FaultFormSubmit;
  /** What is wrong with the fields (`null`: nothing); `undefined` when the form cannot be wrong. */
  problem?: string | null;
  /** What follows the row and the problem. */
  children?: ReactNode;
}) {
  return (
    <form
      className="panel facilitator-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={`${id}-heading`}>{title}</h2>
      <div className="facilitator-row">
        {fields}
        {submit ? (
          <button type="submit" className={`button button-${submit.tone}`} disabled={submit.disabled}>
            {submit.label}
          </button>
        ) : null}
      </div>
      {problem === undefined ? null : <FieldProblem id={`${id}-problem`} message={problem} />}
      {children}
    </form>
  );
}

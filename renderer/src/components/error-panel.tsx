import type { ErrorValue } from '../../../electron/core/api/result';

/** The one way a failure is shown: what failed, what the core said, and a retry where it makes sense. */
export function ErrorPanel({
  title,
  error,
  onRetry,
  retryLabel = 'Try again',
}: {
  title: string;
  error: ErrorValue;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const problems = Array.isArray(error.detail?.problems)
    ? (error.detail.problems as Array<{ field: string; line: number | null; message: string }>)
    : [];
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-title">{title}</h2>
      <p className="error-message">{error.message}</p>
      {problems.length > 1 && (
        <ul className="error-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.field}</code>
              {p.line ? ` (line ${p.line})` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <p className="error-code">Code: {error.code}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

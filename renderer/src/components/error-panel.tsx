import type { ErrorValue } from '../../../electron/core/api/result';
import { errorAdvice } from './war-room/error-advice';

/**
 * The one way a failure is shown: what failed (the title), what the core said, what AWS said
 * (code, status, request id, where), what to do next, and a retry where it makes sense.
 */
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
  const advice = errorAdvice(error);
  return (
    <div className="error-panel" role="alert" data-error-code={error.code}>
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
      {advice.aws && (
        <p className="error-aws">
          <span className="error-label">AWS said:</span> <code>{advice.aws.code}</code>
          {advice.aws.status !== null && ` (HTTP ${advice.aws.status})`}
          {advice.aws.where && ` during ${advice.aws.where}`}
          {advice.aws.requestId && (
            <>
              {' '}
              · request id <code className="error-request-id">{advice.aws.requestId}</code>
            </>
          )}
        </p>
      )}
      <p className="error-todo">
        <span className="error-label">What to do:</span> {advice.whatToDo}
      </p>
      <p className="error-code">Code: {error.code}</p>
      {onRetry && (advice.retryable || retryLabel !== 'Try again') && (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

/** What is wrong with a form field, tied to it with `aria-describedby` (nothing when all is well). */
export function FieldProblem({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="facilitator-problem" role="alert">
      {message}
    </p>
  );
}

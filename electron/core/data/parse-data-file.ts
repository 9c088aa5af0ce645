import { LineCounter, parseDocument, isNode } from 'yaml';
import type { ZodType } from 'zod';
import { AppError } from '../api/errors';
import { formatIssuePath } from './format-issue-path';

/**
 * Parse YAML (or JSON, which is YAML) text and validate it with a zod schema.
 *
 * A syntax error or a schema violation throws `AppError('DATA_FILE_INVALID')` whose message names
 * the file, the field and (where known) the line: `runbooks/dr-procedure.yaml: stages[1].title
 * (line 14): Required`. `detail` carries `{ file, field, line, problems }`.
 */
export function parseDataFile<T>(file: string, text: string, schema: ZodType<T>): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new AppError(
      'DATA_FILE_INVALID',
      `${file}${line ? ` (line ${line})` : ''}: not valid YAML: ${first.message.split('\n')[0]}. Fix the file and reload.`,
      { file, field: null, line: line ?? null },
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;

  const problems = parsed.error.issues.map((issue) => {
    const field = formatIssuePath(issue.path);
    const node = issue.path.length > 0 ? doc.getIn(issue.path as unknown[], true) : undefined;
    const offset = isNode(node) && node.range ? node.range[0] : undefined;
    const line = offset === undefined ? null : lineCounter.linePos(offset).line;
    return { field, line, message: issue.message };
  });
  const first = problems[0]!;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new AppError(
    'DATA_FILE_INVALID',
    `${file}: ${first.field}${first.line ? ` (line ${first.line})` : ''}: ${first.message}${more}. Fix the file and reload.`,
    { file, field: first.field, line: first.line, problems },
  );
}

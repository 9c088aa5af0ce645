import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
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
    // `linePos` is only filled in with pretty errors; the offset always is.
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
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
    // An unknown key is found at the key itself; a missing field at the object that lacks it.
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
    return { field, line: lineOf(doc, lineCounter, at), message: issue.message };
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

/** The line of the node at `path`, or of its nearest ancestor present in the file; null at the top. */
function lineOf(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number | null {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return null;
}

import { AppError } from '../api/errors';

/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterSplit {
  /** The YAML between the `---` lines, prefixed with one empty line so YAML line numbers match the file's. */
  frontMatter: string;
  body: string;
  /** The file line (from 1) the body starts on. */
  bodyLine: number;
}

/**
 * Split `---\n<yaml>\n---\n<markdown>`. A file without front matter is `DATA_FILE_INVALID`
 * naming the file.
 */
export function splitFrontMatter(file: string, text: string): FrontMatterSplit {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new AppError(
      'DATA_FILE_INVALID',
      `${file} (line 1): a runbook must start with front matter: a line "---", the YAML fields (id, title, service, stage, …), and another "---". Add it and reload.`,
      { file, field: null, line: 1 },
    );
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `${file}: the front matter is not closed: add a line "---" after its last field and reload.`,
      { file, field: null, line: null },
    );
  }
  return {
    frontMatter: `\n${lines.slice(1, end).join('\n')}`,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import path from 'node:path';
import { AppError } from '../api/errors';
import { parseDataFile } from '../data/parse-data-file';
import { SHELL_LANGUAGES } from './render-markdown';
import { placeholderNames } from './placeholders';
import { runbookLinkTarget } from './runbook-links';
import { runbookFrontMatterSchema, type RunbookFrontMatter } from './runbook-schema';
import type { RunbookProblem } from './runbook-view';
import { splitFrontMatter } from './split-front-matter';

/** One code block of a runbook as written. */
export interface CodeBlock {
  language: string;
  content: string;
  /** The file line the block's first line of code is on. */
  line: number;
}

/** A runbook parsed and validated, ready for the library. */
export interface ParsedRunbook {
  meta: RunbookFrontMatter;
  /** The file as named in messages (`runbooks/procedures/s3-version-rollback.md`). */
  file: string;
  body: string;
  tokens: Token[];
  blocks: CodeBlock[];
  /** Runbook ids this one links to. */
  links: string[];
  /** The text of the body without Markdown syntax (for search and snippets). */
  plainText: string;
  /** Problems that did not stop the file from loading. */
  warnings: RunbookProblem[];
}

function plainTextOf(tokens: Token[]): string {
  const parts: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const previous = tokens[index - 1];
    if (previous?.type === 'heading_open' && previous.tag === 'h1') continue;
    if (token.type === 'inline') {
      const children = token.children ?? [];
      parts.push(children.map((child) => (child.type.endsWith('break') ? ' ' : child.content)).join(''));
    } else if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
  }
  return parts.join('\n').replace(/[ \t]+/g, ' ');
}

function linksOf(tokens: Token[]): string[] {
  const links = new Set<string>();
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== 'link_open') continue;
      const target = runbookLinkTarget(child.attrGet('href') ?? '');
      if (target) links.add(target);
    }
  }
  return [...links];
}

/**
 * Parse one runbook file: front matter validated with zod (errors name the file, the field and
 * the line), the body parsed with the runbooks' Markdown parser, its code blocks and links
 * collected. Throws `AppError('DATA_FILE_INVALID')` when the file cannot be used.
 */
export function parseRunbook(md: MarkdownIt, file: string, text: string): ParsedRunbook {
  const split = splitFrontMatter(file, text);
  const meta = parseDataFile(file, split.frontMatter, runbookFrontMatterSchema);
  const base = path.basename(file, '.md');
  if (base !== meta.id) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `${file}: id (line 2): is "${meta.id}" but the file is named ${base}.md: name the file after its id (${meta.id}.md) and reload.`,
      { file, field: 'id', line: 2 },
    );
  }
  if (split.body.trim() === '') {
    throw new AppError(
      'DATA_FILE_INVALID',
      `${file}: the runbook has no text after its front matter. Write it and reload.`,
      {
        file,
        field: 'body',
        line: split.bodyLine,
      },
    );
  }
  const tokens = md.parse(split.body, {});
  const blocks: CodeBlock[] = tokens
    .filter((token) => token.type === 'fence' || token.type === 'code_block')
    .map((token) => ({
      language: token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '') : '',
      content: token.content.replace(/\n$/, ''),
      line: split.bodyLine + (token.map?.[0] ?? 0) + (token.type === 'fence' ? 1 : 0),
    }));

  const warnings: RunbookProblem[] = [];
  const declared = new Set(meta.placeholders.map((p) => p.name));
  const used = new Set<string>();
  for (const block of blocks) {
    if (!SHELL_LANGUAGES.has(block.language)) continue;
    for (const name of placeholderNames(block.content)) {
      used.add(name);
      if (!declared.has(name)) {
        const offset = block.content.split('\n').findIndex((line) => line.includes(`<${name}>`));
        const line = block.line + Math.max(0, offset);
        warnings.push({
          file,
          field: 'placeholders',
          line,
          message: `${file} (line ${line}): the command uses <${name}>, which the front matter does not list under placeholders. Add it with a description.`,
          severity: 'warning',
        });
        declared.add(name);
      }
    }
  }
  return {
    meta,
    file,
    body: split.body,
    tokens,
    blocks,
    links: linksOf(tokens),
    plainText: plainTextOf(tokens),
    warnings,
  };
}

import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { splitPlaceholders } from './placeholders';
import { runbookLinkTarget } from './runbook-links';

/** What one rendering needs: the values to fill, which prose names are placeholders, and their descriptions. */
export interface RenderOptions {
  values: Readonly<Record<string, string>>;
  /** Placeholder names declared by the runbook (prose `<name>` counts only for these). */
  declared: ReadonlySet<string>;
  descriptions: Readonly<Record<string, string>>;
  /** Ids of runbooks that exist (links to others are shown as text). */
  knownIds: ReadonlySet<string>;
}

/** One section heading of a runbook (level 2 or 3), with the id its rendered heading carries. */
export interface RunbookSection {
  level: 2 | 3;
  title: string;
  anchor: string;
}

/** The sections of a runbook body, in order, with unique anchors (`rb-s-steps`, `rb-s-steps-2` …). */
export function sectionsOf(tokens: readonly Token[]): RunbookSection[] {
  const seen = new Map<string, number>();
  const sections: RunbookSection[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || (token.tag !== 'h2' && token.tag !== 'h3')) return;
    const inline = tokens[index + 1];
    const title = (inline?.children ?? [])
      .map((child) => child.content)
      .join('')
      .trim();
    const base = `rb-s-${
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'section'
    }`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    sections.push({
      level: token.tag === 'h2' ? 2 : 3,
      title,
      anchor: count === 1 ? base : `${base}-${count}`,
    });
  });
  return sections;
}

interface RenderEnv extends RenderOptions {
  commandIndex: number;
  linkStack: boolean[];
  sections: RunbookSection[];
  sectionIndex: number;
}

/** Shell-like fence languages whose blocks are commands. */
export const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);

/**
 * The one Markdown parser of the runbooks: CommonMark with tables, raw HTML disabled
 * (`html: false`), no linkify and no typographer, so commands are shown exactly as written.
 */
export function createRunbookMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const escape = md.utils.escapeHtml;

  const placeholderHtml = (env: RenderEnv, text: string, inCode: boolean): string =>
    splitPlaceholders(text, env.values, (name) => inCode || env.declared.has(name) || name in env.values)
      .map((part) => {
        if (part.kind === 'text') return escape(part.text);
        const description = env.descriptions[part.name];
        if (part.value !== null) {
          const title = `<${part.name}>${description ? `: ${description}` : ''}`;
          return `<span class="rb-ph rb-ph-filled" data-placeholder="${escape(part.name)}" title="${escape(title)}">${escape(part.value)}</span>`;
        }
        const title = description ? `Not filled: ${description}` : 'Not filled';
        return `<span class="rb-ph rb-ph-empty" data-placeholder="${escape(part.name)}" title="${escape(title)}">${escape(`<${part.name}>`)}</span>`;
      })
      .join('');

  md.renderer.rules.text = (tokens, idx, _options, env: RenderEnv) =>
    placeholderHtml(env, tokens[idx]!.content, false);

  md.renderer.rules.code_inline = (tokens, idx, _options, env: RenderEnv) =>
    `<code>${placeholderHtml(env, tokens[idx]!.content, true)}</code>`;

  const renderBlock = (token: Token, env: RenderEnv, language: string): string => {
    const index = env.commandIndex++;
    const content = token.content.replace(/\n$/, '');
    const firstLine = content.split('\n')[0]!.replace(/\\$/, '').trim();
    const label = `Copy ${SHELL_LANGUAGES.has(language) ? 'command' : 'block'} ${index + 1}: ${firstLine}`;
    const langClass = language ? ` class="language-${escape(language)}"` : '';
    return (
      `<div class="rb-code" data-command="${index}">` +
      `<pre tabindex="0"><code${langClass}>${placeholderHtml(env, content, true)}</code></pre>` +
      `<button type="button" class="rb-copy" data-copy="${index}" aria-label="${escape(label)}">Copy</button>` +
      `</div>\n`
    );
  };

  md.renderer.rules.fence = (tokens, idx, _options, env: RenderEnv) => {
    const token = tokens[idx]!;
    return renderBlock(token, env, token.info.trim().split(/\s+/)[0] ?? '');
  };
  md.renderer.rules.code_block = (tokens, idx, _options, env: RenderEnv) =>
    renderBlock(tokens[idx]!, env, '');

  md.renderer.rules.link_open = (tokens, idx, _options, env: RenderEnv) => {
    const href = tokens[idx]!.attrGet('href') ?? '';
    const target = runbookLinkTarget(href);
    if (target && env.knownIds.has(target)) {
      env.linkStack.push(true);
      return `<a class="rb-link" href="#/runbooks/${escape(target)}" data-runbook="${escape(target)}">`;
    }
    env.linkStack.push(false);
    const why = target
      ? `No runbook "${target}" is loaded`
      : `Link not followed (the reader works offline): ${href}`;
    return `<span class="rb-link-text" title="${escape(why)}">`;
  };
  md.renderer.rules.link_close = (_tokens, _idx, _options, env: RenderEnv) =>
    env.linkStack.pop() ? '</a>' : '</span>';

  // Images would make a request: show their description instead.
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const alt = token.children ? token.children.map((child) => child.content).join('') : token.content;
    return `<span class="rb-image">[image: ${escape(alt || 'no description')}]</span>`;
  };

  md.renderer.rules.heading_open = (tokens, idx, _options, env: RenderEnv) => {
    const tag = tokens[idx]!.tag;
    if (tag !== 'h2' && tag !== 'h3') return `<${tag}>`;
    const section = env.sections[env.sectionIndex++];
    return section ? `<${tag} id="${escape(section.anchor)}" tabindex="-1">` : `<${tag}>`;
  };

  md.renderer.rules.table_open = () => '<div class="rb-table"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

/** The tokens without level-1 headings (the reader shows the runbook's title from its front matter). */
function withoutTitles(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.tag === 'h1') {
      while (i < tokens.length && !(tokens[i]!.type === 'heading_close' && tokens[i]!.tag === 'h1')) i++;
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * Render a runbook body to safe HTML (see {@link createRunbookMarkdown}), filling placeholders.
 * Level-1 headings are left out: the reader shows the title from the front matter.
 */
export function renderRunbookHtml(md: MarkdownIt, tokens: Token[], options: RenderOptions): string {
  const body = withoutTitles(tokens);
  const env: RenderEnv = {
    ...options,
    commandIndex: 0,
    linkStack: [],
    sections: sectionsOf(body),
    sectionIndex: 0,
  };
  return md.renderer.render(body, md.options, env);
}

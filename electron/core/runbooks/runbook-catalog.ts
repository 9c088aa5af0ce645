import type MarkdownIt from 'markdown-it';
import { AppError } from '../api/errors';
import type { LoadedRunbook, RunbookLoad } from './load-runbooks';
import { needsShellCare, placeholderNames, fillPlaceholders } from './placeholders';
import { renderRunbookHtml, sectionsOf, SHELL_LANGUAGES } from './render-markdown';
import { reviewDueDate } from './review-due';
import { RunbookSearch } from './runbook-search';
import { runbookServices, runbookStages } from './runbook-view';
import type {
  RunbookCommand,
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from './runbook-view';
import { awsOperation, splitShellCommands } from './shell-commands';

function summaryOf(runbook: LoadedRunbook): RunbookSummary {
  const { meta } = runbook;
  return {
    id: meta.id,
    title: meta.title,
    service: meta.service,
    stage: meta.stage,
    version: meta.version,
    lastReviewed: meta.lastReviewed,
    reviewCycle: meta.reviewCycle,
    reviewDue: reviewDueDate(meta.lastReviewed, meta.reviewCycle),
    summary: meta.summary,
    keywords: meta.keywords,
    source: runbook.source,
    file: runbook.file,
  };
}

function commandsOf(runbook: LoadedRunbook, values: Readonly<Record<string, string>>): RunbookCommand[] {
  return runbook.blocks.map((block, index) => {
    const names = placeholderNames(block.content);
    const filled = names.filter((name) => Object.prototype.hasOwnProperty.call(values, name));
    const firstAws = SHELL_LANGUAGES.has(block.language)
      ? splitShellCommands(block.content).find((command) => awsOperation(command) !== null)
      : undefined;
    return {
      index,
      language: block.language,
      text: fillPlaceholders(block.content, values),
      raw: block.content,
      isAws: firstAws !== undefined,
      operation: firstAws ? awsOperation(firstAws) : null,
      unfilled: names.filter((name) => !filled.includes(name)),
      warnings: filled
        .filter((name) => needsShellCare(values[name]!))
        .map(
          (name) =>
            `The value of <${name}> contains spaces or shell characters: check the quoting before you run the command.`,
        ),
    };
  });
}

/**
 * The loaded runbooks, ready to answer: the list, one runbook rendered with placeholders
 * filled, and full-text search. Immutable; a reload builds a new catalog.
 */
export class RunbookCatalog {
  private readonly byId: Map<string, LoadedRunbook>;
  private readonly searchIndex: RunbookSearch;
  private readonly summaries: RunbookSummary[];

  constructor(
    private readonly md: MarkdownIt,
    load: RunbookLoad,
  ) {
    this.byId = new Map(load.runbooks.map((runbook) => [runbook.meta.id, runbook]));
    this.problems = load.problems;
    this.summaries = load.runbooks
      .map(summaryOf)
      .sort(
        (a, b) =>
          runbookServices.indexOf(a.service) - runbookServices.indexOf(b.service) ||
          runbookStages.indexOf(a.stage) - runbookStages.indexOf(b.stage) ||
          a.title.localeCompare(b.title),
      );
    this.searchIndex = new RunbookSearch(
      load.runbooks.map((runbook) => ({
        id: runbook.meta.id,
        title: runbook.meta.title,
        summary: runbook.meta.summary,
        keywords: runbook.meta.keywords,
        service: runbook.meta.service,
        stage: runbook.meta.stage,
        text: runbook.plainText,
      })),
    );
  }

  /** Problems found while loading (files that did not load, and warnings). */
  readonly problems: RunbookProblem[];

  /** Every runbook, by service, stage and title. */
  list(): RunbookSummary[] {
    return this.summaries.map((summary) => ({ ...summary, keywords: [...summary.keywords] }));
  }

  /** True when a runbook with this id is loaded. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * One runbook for reading, with placeholders filled from `values` (names without the angle
   * brackets). Throws `NOT_FOUND` naming the id when there is no such runbook.
   */
  get(id: string, values: Readonly<Record<string, string>> = {}): RunbookDocument {
    const runbook = this.byId.get(id);
    if (!runbook) {
      const broken = this.problems.find(
        (problem) => problem.severity === 'error' && problem.file.endsWith(`/${id}.md`),
      );
      throw new AppError(
        'NOT_FOUND',
        broken
          ? `Runbook "${id}" did not load: ${broken.message}`
          : `There is no runbook "${id}". List them with \`dr-war-room runbooks list\` or search for it.`,
        { id },
      );
    }
    const { meta } = runbook;
    const descriptions = Object.fromEntries(meta.placeholders.map((p) => [p.name, p.description]));
    return {
      ...summaryOf(runbook),
      placeholders: meta.placeholders.map((p) => ({
        ...p,
        value: Object.prototype.hasOwnProperty.call(values, p.name) ? values[p.name]! : null,
      })),
      markdown: runbook.body,
      html: renderRunbookHtml(this.md, runbook.tokens, {
        values,
        declared: new Set(meta.placeholders.map((p) => p.name)),
        descriptions,
        knownIds: new Set(this.byId.keys()),
      }),
      commands: commandsOf(runbook, values),
      links: runbook.links.filter((target) => this.byId.has(target)),
      sections: sectionsOf(runbook.tokens),
    };
  }

  /** Ranked full-text search (prefix and typo-tolerant) with snippets. */
  search(query: string, limit = 20): RunbookSearchHit[] {
    return this.searchIndex.search(query, limit);
  }
}

import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { RunbookDocument } from '../../../../electron/core/api/calls/runbooks';
import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { copyText } from './copy-text';
import { reviewOverdue, serviceLabels, stageLabels } from './labels';
import { PlaceholderForm } from './placeholder-form';
import { RunbookFillChooser } from './runbook-fill-chooser';

/** What the last copy did, for the status line. */
interface CopyStatus {
  /** The runbook the copy was made in (a status of another runbook is not shown). */
  runbookId: string;
  ok: boolean;
  index: number;
  text: string;
  unfilled: string[];
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/\s*\\$/, '');
}

/** The open runbook: its header, placeholders, and the rendered body with copy buttons on every code block. */
export function RunbookReader({ doc }: { doc: RunbookDocument }) {
  const showRunbook = useStore((s) => s.showRunbook);
  const valuesEpoch = useStore((s) => s.openRunbookEpoch);
  const [lastCopy, setLastCopy] = useState<CopyStatus | null>(null);
  const copied = lastCopy?.runbookId === doc.id ? lastCopy : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [doc.id]);

  useEffect(() => {
    body.current?.querySelectorAll<HTMLButtonElement>('button.rb-copy').forEach((button) => {
      const done = copied !== null && copied.ok && String(copied.index) === button.dataset.copy;
      button.textContent = done ? 'Copied' : 'Copy';
      button.classList.toggle('rb-copied', done);
    });
  }, [copied, doc.html]);

  async function onBodyClick(event: MouseEvent<HTMLDivElement>): Promise<void> {
    const target = event.target as HTMLElement;
    const link = target.closest<HTMLAnchorElement>('a.rb-link');
    if (link?.dataset.runbook) {
      event.preventDefault();
      await showRunbook(link.dataset.runbook);
      return;
    }
    const button = target.closest<HTMLButtonElement>('button.rb-copy');
    if (!button) return;
    const command = doc.commands[Number(button.dataset.copy)];
    if (!command) return;
    const ok = await copyText(command.text);
    setLastCopy({
      runbookId: doc.id,
      ok,
      index: command.index,
      text: command.text,
      unfilled: command.unfilled,
    });
  }

  const overdue = reviewOverdue(doc.reviewDue);
  return (
    <article className="rb-reader" aria-labelledby="rb-title">
      <header className="rb-reader-head">
        <h1 id="rb-title" ref={heading} tabIndex={-1}>
          {doc.title}
        </h1>
        <p className="rb-meta">
          <span className="tag">{serviceLabels[doc.service]}</span>{' '}
          <span className="tag">{stageLabels[doc.stage]}</span> version {doc.version} · reviewed{' '}
          {doc.lastReviewed} ({doc.reviewCycle}) ·{' '}
          <span className={overdue ? 'rb-overdue' : undefined}>
            {overdue ? `review overdue since ${doc.reviewDue}` : `next review ${doc.reviewDue}`}
          </span>
          {doc.source === 'overlay' && ' · organisation runbook'}
        </p>
        <p className="lead">{doc.summary}</p>
        <RunbookFillChooser doc={doc} />
      </header>
      {/* Values set from outside the form (a step, an option, another resource) restart its fields. */}
      <PlaceholderForm key={valuesEpoch} runbookId={doc.id} placeholders={doc.placeholders} />
      <p className="rb-copy-status" role="status" aria-live="polite">
        {copied &&
          (copied.ok ? (
            <>
              Copied: <code className="rb-copied-text">{firstLine(copied.text)}</code>
              {copied.unfilled.length > 0 && (
                <span className="rb-warn">
                  {' '}
                  Still to fill before running: {copied.unfilled.map((name) => `<${name}>`).join(', ')}.
                </span>
              )}
            </>
          ) : (
            <span className="rb-warn">Could not copy: select the command and copy it with the keyboard.</span>
          ))}
      </p>
      {doc.commands.some((c) => c.warnings.length > 0) && (
        <p className="rb-warn" role="note">
          Some values contain spaces or shell characters: check the quoting before you run a command.
        </p>
      )}
      {doc.sections.length >= 3 && (
        <nav className="rb-sections" aria-label="Sections of this runbook">
          {doc.sections
            .filter((section) => section.level === 2)
            .map((section) => (
              <button
                key={section.anchor}
                type="button"
                className="link-button"
                onClick={() => {
                  const heading = document.getElementById(section.anchor);
                  heading?.scrollIntoView({ block: 'start' });
                  heading?.focus({ preventScroll: true });
                }}
              >
                {section.title}
              </button>
            ))}
        </nav>
      )}
      <div
        ref={body}
        className="rb-body"
        onClick={(event) => void onBodyClick(event)}
        // The core renders with markdown-it, raw HTML disabled, every value escaped (see render-markdown.ts).
        dangerouslySetInnerHTML={{ __html: doc.html }}
      />
    </article>
  );
}

/** The reader area: the open runbook, its loading state or error, or a prompt to choose one. */
export function RunbookReaderPane() {
  const open = useStore((s) => s.openRunbook);
  const openId = useStore((s) => s.openRunbookId);
  const showRunbook = useStore((s) => s.showRunbook);
  const appInfo = useStore((s) => s.appInfo);
  if (open.status === 'ready') return <RunbookReader doc={open.value} />;
  if (open.status === 'loading') return <p className="muted">Opening the runbook…</p>;
  if (open.status === 'error') {
    return (
      <ErrorPanel
        title="The runbook could not be opened"
        error={open.error}
        onRetry={openId ? () => void showRunbook(openId) : undefined}
      />
    );
  }
  return (
    <div className="rb-empty">
      <p>Choose a runbook on the left, or search for one.</p>
      <p className="muted">
        Every runbook works offline. Commands have copy buttons; values you type in a runbook&apos;s
        placeholders are filled into every runbook you open.
      </p>
      <p className="muted">
        A runbook opened from a procedure step is filled from the incident: its id and regions, and the
        resources of its recovery plan or latest assessment, with a choice of resource when several are in
        scope.
      </p>
      {appInfo.status === 'ready' && (
        <p className="muted">
          Your organisation&apos;s own runbooks go in <code>{`${appInfo.value.dataDir}/runbooks/`}</code> as
          Markdown files with the same front matter; one with the id of a bundled runbook replaces it. Then
          choose Reload runbooks.
        </p>
      )}
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import {
  createRunbookMarkdown,
  renderRunbookHtml,
  sectionsOf,
  type RenderOptions,
} from '../../../../electron/core/runbooks/render-markdown';

const md = createRunbookMarkdown();

function render(markdown: string, options: Partial<RenderOptions> = {}): string {
  return renderRunbookHtml(md, md.parse(markdown, {}), {
    values: {},
    declared: new Set(),
    descriptions: {},
    knownIds: new Set(['s3-backup-test', 'dr-procedure']),
    ...options,
  });
}

describe('runbook Markdown rendering', () => {
  it('never passes raw HTML through: tags, scripts and event handlers are shown as text', () => {
    const html = render(
      '<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b>bold</b>\n\n<div onclick="x()">block</div>',
    );
    expect(html).not.toMatch(/<script|<img|<b>|<div onclick/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders images as their description, so nothing is fetched', () => {
    const html = render('![network diagram](https://example.com/diagram.png)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('example.com');
    expect(html).toContain('[image: network diagram]');
  });

  it('links only to runbooks; other links become text with the address in a tooltip', () => {
    const html = render(
      '[test](runbook:s3-backup-test), [rel](./dr-procedure.md), [web](https://evil.example/x), [js](javascript:alert(1)), [gone](runbook:nope)',
    );
    expect(html).toContain(
      '<a class="rb-link" href="#/runbooks/s3-backup-test" data-runbook="s3-backup-test">test</a>',
    );
    expect(html).toContain('data-runbook="dr-procedure">rel</a>');
    expect(html).not.toContain('href="https://');
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain(
      'title="Link not followed (the reader works offline): https://evil.example/x">web</span>',
    );
    expect(html).toContain('No runbook &quot;nope&quot; is loaded');
    expect((html.match(/<a /g) ?? []).length).toBe(2);
  });

  it('does not turn bare addresses into links', () => {
    expect(render('see https://example.com now')).not.toContain('<a');
  });

  it('wraps each code block with a labelled copy button and numbers the blocks', () => {
    const html = render(
      '```bash\naws sts get-caller-identity \\\n  --region <r>\n```\n\ntext\n\n```text\nplain\n```',
    );
    expect(html).toContain('<div class="rb-code" data-command="0">');
    expect(html).toContain(
      'data-copy="0" aria-label="Copy command 1: aws sts get-caller-identity">Copy</button>',
    );
    expect(html).toContain('data-copy="1" aria-label="Copy block 2: plain">');
    expect(html).toContain('class="language-bash"');
    // Long commands scroll sideways: the block must be reachable by keyboard.
    expect(html).toContain('<pre tabindex="0"><code class="language-bash">');
  });

  it('fills placeholders with their values and marks the unfilled ones, escaping every value', () => {
    const html = render(
      'Bucket `<bucket-name>` in <primary-region>, not <br>.\n\n```bash\naws s3 ls s3://<bucket-name> --region <primary-region> <other>\n```',
      {
        values: { 'bucket-name': '<b>evil</b>' },
        declared: new Set(['bucket-name', 'primary-region']),
        descriptions: { 'primary-region': 'The primary region.' },
      },
    );
    expect(html).not.toContain('<b>evil</b>');
    expect(html).toContain(
      'rb-ph-filled" data-placeholder="bucket-name" title="&lt;bucket-name&gt;">&lt;b&gt;evil&lt;/b&gt;</span>',
    );
    expect(html).toContain(
      'rb-ph-empty" data-placeholder="primary-region" title="Not filled: The primary region.">&lt;primary-region&gt;</span>',
    );
    expect(html).toContain('not &lt;br&gt;.');
    expect(html).toContain('data-placeholder="other"');
  });
});

describe('runbook titles', () => {
  it('leaves the level-1 heading out of the body (the reader shows the front matter title)', () => {
    const html = render('# Title here\n\nText.\n\n## Steps\n');
    expect(html).not.toContain('<h1');
    expect(html).not.toContain('Title here');
    expect(html).toContain('<h2 id="rb-s-steps" tabindex="-1">Steps</h2>');
  });
});

describe('runbook sections', () => {
  it('gives each level-2 and level-3 heading a unique anchor, in the HTML and in the list', () => {
    const tokens = md.parse(
      '# T\n\n## Steps\n\n### Before you start\n\n## Steps\n\n## Where the document differs!\n',
      {},
    );
    expect(sectionsOf(tokens)).toEqual([
      { level: 2, title: 'Steps', anchor: 'rb-s-steps' },
      { level: 3, title: 'Before you start', anchor: 'rb-s-before-you-start' },
      { level: 2, title: 'Steps', anchor: 'rb-s-steps-2' },
      { level: 2, title: 'Where the document differs!', anchor: 'rb-s-where-the-document-differs' },
    ]);
    const html = renderRunbookHtml(md, tokens, {
      values: {},
      declared: new Set(),
      descriptions: {},
      knownIds: new Set(),
    });
    expect(html).toContain('<h2 id="rb-s-steps" tabindex="-1">Steps</h2>');
    expect(html).toContain('<h3 id="rb-s-before-you-start" tabindex="-1">');
    expect(html).toContain('<h2 id="rb-s-steps-2" tabindex="-1">');
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/core/security/csp';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/** The `content` of `<meta http-equiv="Content-Security-Policy">` in an HTML page. */
function metaCsp(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gis) ?? []) {
    if (!/http-equiv\s*=\s*"Content-Security-Policy"/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"/is.exec(tag);
    if (content) found.push(content[1]!.replace(/\s+/g, ' ').trim());
  }
  return found;
}

/** A policy as a map of directive → sources, to compare without caring about order. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...sources] = part.split(/\s+/);
        return [name!, sources.join(' ')] as const;
      }),
  );
}

describe('the Content-Security-Policy', () => {
  it("renderer/index.html's meta CSP is exactly CONTENT_SECURITY_POLICY", async () => {
    const html = await readFile(path.join(projectRoot, 'renderer', 'index.html'), 'utf8');
    const metas = metaCsp(html);
    expect(metas).toHaveLength(1);
    expect(metas[0]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows nothing by default, scripts and styles only from the app, and no framing or plugins', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
  });

  it('never allows inline or evaluated script, or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|blob:/);
  });

  it('is sent as a header with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

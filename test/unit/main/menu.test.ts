import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

const { buildMenuTemplate } = await import('../../../electron/main/menu');

type Item = { role?: string; label?: string; submenu?: Item[] };

function roles(items: Item[]): string[] {
  return items
    .flatMap((item) => [item.role ?? item.label ?? '', ...roles(item.submenu ?? [])])
    .filter(Boolean);
}

describe('buildMenuTemplate', () => {
  it('has no reload and no developer tools in the packaged app', () => {
    const all = roles(buildMenuTemplate('linux', true) as Item[]);
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
  });

  it('keeps reload and developer tools while developing', () => {
    const all = roles(buildMenuTemplate('linux', false) as Item[]);
    expect(all).toContain('reload');
    expect(all).toContain('toggleDevTools');
  });

  it('adds the app menu on macOS only', () => {
    expect(roles(buildMenuTemplate('darwin', true) as Item[])[0]).toBe('appMenu');
    expect(roles(buildMenuTemplate('linux', true) as Item[])).not.toContain('appMenu');
    expect(roles(buildMenuTemplate('win32', true) as Item[])).not.toContain('appMenu');
  });

  it('has no item that opens web pages (help links, remote docs)', () => {
    const items = buildMenuTemplate('linux', true) as Array<Item & { click?: unknown }>;
    const flat = (list: Array<Item & { click?: unknown }>): Array<Item & { click?: unknown }> =>
      list.flatMap((item) => [item, ...flat((item.submenu ?? []) as Array<Item & { click?: unknown }>)]);
    expect(flat(items).filter((item) => item.click !== undefined)).toEqual([]);
    expect(roles(items)).not.toContain('help');
  });
});

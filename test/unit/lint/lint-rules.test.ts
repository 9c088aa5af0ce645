import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

describe('the lint rules that keep Electron in the shell', () => {
  let eslint: ESLint;

  beforeAll(() => {
    eslint = new ESLint({ cwd: projectRoot });
  });

  /** The rule ids that report errors for `code` as if it were the file `filePath`. */
  async function errors(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    if (!result) throw new Error(`ESLint gave no result for ${filePath}`);
    return result.messages
      .filter((message) => message.severity === 2)
      .map((message) => message.ruleId ?? 'fatal');
  }

  it.each([
    'electron/core/example.ts',
    'electron/core/aws/example.ts',
    'electron/cli/example.ts',
    'electron/bridge/example.ts',
    'electron/simulator/example.ts',
    'test/unit/core/example.test.ts',
  ])('refuses importing electron in %s', async (filePath) => {
    expect(
      await errors("import { app } from 'electron';\nexport const name = app.name;\n", filePath),
    ).toEqual(['no-restricted-imports']);
  });

  it('refuses a type-only import of electron under electron/core too', async () => {
    const code = "import type { WebContents } from 'electron';\nexport type W = WebContents;\n";
    expect(await errors(code, 'electron/core/example.ts')).toEqual(['no-restricted-imports']);
  });

  it('refuses require("electron") under electron/core', async () => {
    const code = "const electron = require('electron');\nexport const x = electron;\n";
    expect(await errors(code, 'electron/core/example.ts')).toContain('@typescript-eslint/no-require-imports');
  });

  it('refuses a dynamic import("electron") under electron/core', async () => {
    const code = "export const load = () => import('electron');\n";
    expect(await errors(code, 'electron/core/example.ts')).toEqual(['no-restricted-syntax']);
  });

  it('lets electron/main and electron/preload import electron', async () => {
    const main = "import { BrowserWindow } from 'electron';\nexport const W = BrowserWindow;\n";
    expect(await errors(main, 'electron/main/other.ts')).toEqual([]);
    const preload = "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n";
    expect(await errors(preload, 'electron/preload/other.ts')).toEqual([]);
  });

  it('refuses raw ipcMain in electron/main/other.ts, and allows it in electron/main/ipc.ts', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";
    expect(await errors(code, 'electron/main/other.ts')).toEqual(['no-restricted-syntax']);
    expect(await errors(code, 'electron/main/ipc.ts')).toEqual([]);
  });

  it('refuses raw ipcRenderer outside electron/preload/index.ts', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n";
    expect(await errors(code, 'electron/preload/other.ts')).toEqual(['no-restricted-syntax']);
    expect(await errors(code, 'electron/main/other.ts')).toEqual(['no-restricted-syntax']);
    expect(await errors(code, 'electron/preload/index.ts')).toEqual([]);
  });

  it('refuses `any`', async () => {
    const code = 'export function f(x: any): string {\n  return String(x);\n}\n';
    expect(await errors(code, 'electron/core/example.ts')).toEqual(['@typescript-eslint/no-explicit-any']);
  });

  it('accepts clean core code', async () => {
    const code =
      "import { readFile } from 'node:fs/promises';\nexport const read = (p: string) => readFile(p, 'utf8');\n";
    expect(await errors(code, 'electron/core/example.ts')).toEqual([]);
  });
});

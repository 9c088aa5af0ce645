import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/** The parts of the electron-builder configuration this test holds in place. */
interface BuilderConfig {
  asar?: boolean;
  files?: string[];
  extraResources?: Array<{ from: string; to: string; filter?: string[] }>;
  electronFuses?: Record<string, boolean>;
  directories?: { output?: string };
}

const config = createRequire(import.meta.url)(
  path.join(projectRoot, 'build', 'electron-builder.config.cjs'),
) as BuilderConfig;

describe('build/electron-builder.config.cjs', () => {
  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('puts only the built output and package.json into the app (no sources, no maps)', () => {
    const included = (config.files ?? []).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    expect(config.files).toContain('!**/*.map');
  });

  it('ships the runbooks beside the archive as extra resources', () => {
    expect(config.extraResources).toEqual([{ from: 'runbooks', to: 'runbooks', filter: ['**/*'] }]);
  });

  it('flips the Electron fuses that close the packaged app to code injection', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('keeps the file protocol unprivileged and cookies encrypted', () => {
    expect(config.electronFuses).toMatchObject({
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('writes the installers outside the source tree', () => {
    expect(config.directories?.output).toBe('release');
  });
});

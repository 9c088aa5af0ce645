import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder at or above `fromUrl` that holds a package.json.
 * Works from source (vitest), from the built `out/main/cli.js`, and from an installed package.
 */
export async function findPackageRoot(fromUrl: string = import.meta.url): Promise<string> {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    try {
      await access(path.join(dir, 'package.json'));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) {
        throw new Error(
          `No package.json found above ${fileURLToPath(fromUrl)}; pass scenariosDir explicitly.`,
        );
      }
      dir = parent;
    }
  }
}

/** The bundled scenarios folder: `<package root>/runbooks/scenarios`. */
export async function defaultScenariosDir(): Promise<string> {
  return path.join(await findPackageRoot(), 'runbooks', 'scenarios');
}

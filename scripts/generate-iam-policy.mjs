// Write build/iam-policy.json from the operations registry (electron/core/aws/operations.ts) for
// the regions of the DR procedure (runbooks/dr-procedure.yaml), formatted with the project's
// Prettier settings.
// Usage: npm run iam-policy                       (regions from runbooks/dr-procedure.yaml)
//        npm run iam-policy -- --primary eu-west-1 --secondary eu-central-1 --out my-policy.json
// A unit test fails when the committed file is out of date with the registry and the procedure.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    primary: { type: 'string' },
    secondary: { type: 'string' },
    out: { type: 'string' },
  },
});
const jiti = createJiti(import.meta.url);
const { iamPolicyText, IAM_POLICY_PATH } = await jiti.import(
  path.join(root, 'electron/core/aws/iam-policy.ts'),
);
const { loadProcedure } = await jiti.import(path.join(root, 'electron/core/runbooks/load-procedure.ts'));
const procedure = await loadProcedure(path.join(root, 'runbooks'));
const regions = {
  primary: values.primary ?? procedure.regions.primary,
  secondary: values.secondary ?? procedure.regions.secondary,
};
const target = values.out ? path.resolve(values.out) : path.join(root, IAM_POLICY_PATH);
try {
  const text = iamPolicyText(regions);
  const options = (await prettier.resolveConfig(target)) ?? {};
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, await prettier.format(text, { ...options, filepath: target, parser: 'json' }));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.stdout.write(
  `wrote ${path.relative(root, target)} for ${regions.primary} (primary) and ${regions.secondary} (secondary)\n`,
);

// Write build/iam-policy.json from the operations registry (electron/core/aws/operations.ts),
// formatted with the project's Prettier settings.
// Usage: npm run iam-policy   (a unit test fails when the committed file is out of date)
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jiti = createJiti(import.meta.url);
const { iamPolicyText, IAM_POLICY_PATH } = await jiti.import(
  path.join(root, 'electron/core/aws/iam-policy.ts'),
);
const target = path.join(root, IAM_POLICY_PATH);
const options = (await prettier.resolveConfig(target)) ?? {};
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, await prettier.format(iamPolicyText(), { ...options, filepath: target }));
process.stdout.write(`wrote ${path.relative(root, target)}\n`);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Imports of Electron are confined to the shell; everything else is plain Node or web code. */
const noElectronImport = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
};

/** Raw IPC objects may only be touched by the typed wrappers. */
const rawIpcBan = [
  {
    selector: "ImportSpecifier[imported.name='ipcMain']",
    message: 'Use the typed IPC wrapper in electron/main/ipc.ts instead of ipcMain.',
  },
  {
    selector: "ImportSpecifier[imported.name='ipcRenderer']",
    message: 'Use the typed bridge in electron/preload/index.ts instead of ipcRenderer.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      'docs/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value='electron']",
          message: 'Only electron/main and electron/preload may import electron.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noElectronImport],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-syntax': ['error', ...rawIpcBan],
    },
  },
  {
    // The typed wrappers are the only places allowed to hold the raw IPC objects.
    files: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', noElectronImport] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);

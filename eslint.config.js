// Lint configuration: typescript-eslint's recommended rules for server, client and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import fs from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'client/dist/', 'data/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Client boundaries (bulletproof-react's import/no-restricted-paths): shared code (components, lib, i18n) imports no
  // feature and not the app; a feature imports no other feature. The app layer composes features (app/role-view.tsx).
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...clientFeatures().map((feature) => ({
              target: `./client/src/features/${feature}`,
              from: './client/src/features',
              except: [`./${feature}`],
              message: 'A feature does not import another feature; the app layer composes them.',
            })),
            {
              target: ['./client/src/components', './client/src/lib', './client/src/i18n'],
              from: ['./client/src/features', './client/src/app'],
              message: 'Shared client code does not import features or the app.',
            },
          ],
        },
      ],
    },
  },
  // Server boundaries (the same rule): dependencies point one way, HTTP edge → feature use cases → domain + data → store.
  // The domain imports nothing but itself; a feature uses another feature only through its index.ts; nothing below the
  // HTTP edge imports server/http (the edge: server/http, app.ts, main.ts and a feature's routes); the LTI module, the
  // store and the simulated LMS import no feature.
  {
    files: ['server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/domain',
              from: './server',
              except: ['./domain'],
              message: 'The domain imports nothing but itself.',
            },
            ...serverFeatures().map((feature) => ({
              target: `./server/features/${feature}`,
              from: './server/features',
              except: [`./${feature}`, ...serverFeatures().map((other) => `./${other}/index.ts`)],
              message: "A feature uses another feature only through that feature's index.ts.",
            })),
            {
              target: [
                './server/{domain,store,lti,demo-lms,cli}/**',
                './server/!(app|main).ts',
                './server/features/*/!(routes).ts',
                './server/features/*/!(routes)/**',
              ],
              from: './server/http/**',
              message: "Nothing below the HTTP edge imports server/http; only the edge does (app.ts, main.ts, a feature's routes).",
            },
            {
              target: ['./server/lti', './server/store', './server/demo-lms'],
              from: './server/features',
              message: 'The LTI module, the store and the simulated LMS are infrastructure: they import no feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points talk to a person on the terminal.
    files: ['server/cli/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

/** Every folder in client/src/features: each gets a zone of its own, so a new feature is covered without editing this file. */
function clientFeatures() {
  return fs.readdirSync(new URL('./client/src/features', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Every folder in server/features, likewise. */
function serverFeatures() {
  return fs.readdirSync(new URL('./server/features', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

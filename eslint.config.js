import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'build/', 'devTools/', 'tests/e2e/screenshots/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain stays pure: no frameworks, no storage, no SDK.
    files: ['src/workflow/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@microsoft/*', 'mongoose', 'express', 'better-sqlite3', 'adaptivecards*', 'pino', 'node:fs', 'fs', 'node:crypto', 'crypto'],
              message: 'src/workflow is pure: inject what you need.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected clock (env.now).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected clock (env.now).' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Inject randomness.' }],
    },
  },
);

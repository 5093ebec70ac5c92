// Lint configuration: the recommended rules of ESLint and typescript-eslint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web/vendor/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'bench/**/*.ts',
      'test/**/*.ts',
      'bin/**',
      'web/build.mjs',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // The web page's build script runs in Node.js.
    files: ['web/build.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

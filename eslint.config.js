// Type-aware lint with zero warnings, plus the layer rule of STYLE.md:
// adapters (http, web, cli) -> services -> domain / db. Never the other way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, banned, why) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((b) => ({ group: [`**/${b}/*`, `**/${b}`], message: why })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  layer('domain', ['db', 'services', 'http', 'web', 'cli'], 'domain/ is pure: it imports nothing of ours.'),
  layer(
    'db',
    ['services', 'http', 'web', 'cli'],
    'db/ holds queries only; it never calls services or adapters.',
  ),
  layer('services', ['http', 'web', 'cli'], 'services/ never know about HTTP, pages or the CLI.'),
  layer('http', ['db', 'cli'], 'Adapters call services, never the database.'),
  layer('web', ['db', 'cli'], 'Adapters call services, never the database.'),
  // The CLI starts the HTTP server (serve), so it may import http/; never the database.
  layer('cli', ['db'], 'The CLI calls services, never the database.'),
  {
    files: ['src/web/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        DKFDS: 'readonly',
      },
    },
  },
);

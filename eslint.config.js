// Type-aware lint with zero warnings, plus the layer rule (docs/architecture.md):
// app (composition root) -> adapters (http, web, cli) -> services -> domain / db. Never the other way.
// bench/ measures the app against raw SQL, so it alone may reach every layer.
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
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'test-results/**'] },
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
  // A file over ~300 lines or a function over ~60 is asking to be split (docs/conventions.md). Tests are
  // exempt: a test reads best as the whole story.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  // The product's words in Danish and English: every layer may name a message key; i18n/ imports nothing.
  layer(
    'i18n',
    ['domain', 'db', 'services', 'http', 'web', 'cli', 'app', 'bench'],
    'i18n/ holds the message catalogues only.',
  ),
  layer(
    'domain',
    ['db', 'services', 'http', 'web', 'cli', 'app', 'bench'],
    'domain/ is pure: it imports nothing of ours.',
  ),
  layer(
    'db',
    ['services', 'http', 'web', 'cli', 'app', 'bench'],
    'db/ holds queries only; it never calls services or adapters.',
  ),
  layer(
    'services',
    ['http', 'web', 'cli', 'app', 'bench'],
    'services/ never know about HTTP, pages or the CLI.',
  ),
  // web/ builds its pages on http/'s request helpers (cookies, forms, the app's context); http/ never
  // imports pages: the composition root in app/ puts the two together.
  layer('http', ['db', 'web', 'cli', 'app', 'bench'], 'http/ is the JSON API and request plumbing.'),
  layer('web', ['db', 'cli', 'app', 'bench'], 'Pages call services, never the database.'),
  layer('cli', ['db', 'http', 'web', 'app', 'bench'], 'CLI commands call services, never the database.'),
  layer('app', ['db'], 'The composition root wires services and adapters; it runs no queries itself.'),
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

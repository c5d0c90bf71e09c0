import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'custom-elements.json', '.tmp/', 'scripts/waline/node_modules/', 'bench/results/'] },
  // The framework examples' TypeScript belongs to their own projects (Vue, Svelte, Astro), which resolve
  // `comment-thread` as installed; test/node/frameworks.test.mjs builds and runs them.
  { ignores: ['examples/{vue,svelte,astro}/**/*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // zod's classes share one module, which sits in the element's chunk: a class any lazy chunk uses
    // is downloaded by every page. These have equivalents on the classes the model already loads.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['enum', 'literal', 'union', 'discriminatedUnion', 'int', 'record', 'unknown', 'any', 'extend', 'looseObject', 'strictObject', 'tuple', 'date', 'url', 'email', 'minLength', 'maxLength', 'length', 'nonnegative', 'positive', 'minimum', 'maximum', 'gte', 'gt', 'lte', 'lt', 'regex'].map(
          (property) => ({ object: 'z', property, message: 'Its class would join every page\'s first load: use a helper of src/model/schemas.ts (oneOf, either, count, notNegative, recordOf, anything) or z.object/z.custom/z.refine.' }),
        ),
      ],
    },
  },
  {
    // Tests and tools: chai's property assertions and loosely typed fixtures are fine there.
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**/*.mjs', 'bench/**/*', '*.config.*', 'demo/**/*', 'docs/**/*'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // chai's assertion chains are typed as thenables by the a11y plugin's typings.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*', 'bench/**/*.mjs', 'test/server/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);

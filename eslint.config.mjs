// One lint config for the workspace. Module boundaries are enforced by Nx tags:
// every project carries one scope:* and one type:* tag (see docs/ARCHITECTURE.md).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import xkx from './tools/eslint/module-boundaries.mjs';

const frameworkImports = [
  { group: ['@angular/*', '@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'express', 'rxjs'], message: 'scope:shared libraries stay framework-free.' },
];

const moduleBoundaries = {
  enforceBuildableLibDependency: false,
  // The API test tier boots the real application; nothing else may import an app.
  allow: ['@xkx/api/testing'],
  depConstraints: [
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:api', 'scope:shared'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:util', 'type:contract'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:util', 'type:contract'] },
    { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util', 'type:contract'] },
    { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contract'] },
    { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contract'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
    { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:app'] },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/coverage', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // API modules own their tables and reach each other through `@xkx/api/modules/…` (tools/eslint/module-boundaries.mjs).
    // That alias points into the api project itself, which Nx's rule would call a self-import.
    files: ['apps/api/src/**/*.ts'],
    plugins: { xkx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...moduleBoundaries, allowCircularSelfDependency: true }],
      'xkx/module-boundaries': 'error',
    },
  },
  {
    files: ['libs/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: frameworkImports }] },
  },
  {
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'xkx', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'xkx', style: 'camelCase' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['apps/web/**/*.html', 'libs/web/**/*.html'],
    extends: [...angular.configs.templateRecommended],
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/*-e2e/**/*.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);

// The one rule that keeps the architecture honest: src/core never imports vscode.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'node_modules/**', '.cache/**', 'sample/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core and the CLI must stay free of the vscode API.' }] }],
    },
  },
  { files: ['scripts/**', 'test/**', 'bench/**', 'esbuild.mjs'], rules: { 'no-console': 'off' } },
  // CommonJS helpers (the bench's activation worker hooks require() to stand in for the vscode module).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);

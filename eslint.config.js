import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/.floor-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.ci/reports',
      '.vh.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The progress and the autosave hear of an answer the form sets itself through useSetAnswer
    // (src/form/form-changes.ts); react-hook-form's own writes would pass them by.
    files: ['src/form/**/*.{ts,tsx}'],
    ignores: ['src/form/form-changes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^(setValue|setValues|resetField)$/], CallExpression[callee.property.name=/^(setValue|setValues|reset|resetField)$/]',
          message:
            'Set an answer with useSetAnswer (form-changes.ts), so that the progress and the autosave hear of it.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/cli/**', 'bench/**', 'test/**', '*.config.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
)

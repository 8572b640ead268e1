import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', '.local/', 'coverage/', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    // The pure core must stay free of ask-sdk, AWS and i18next (DESIGN.md).
    files: ['lambda/src/{conversation,coach,screening,advice,progress,speech}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['ask-sdk*', '@aws-sdk/*', 'i18next', '**/handlers/*', '**/store/*', '**/i18n/*'] },
      ],
    },
  },
);

import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [{ sourceTag: 'scope:published', onlyDependOnLibsWithTags: ['scope:published'] }],
        },
      ],
    },
  },
];

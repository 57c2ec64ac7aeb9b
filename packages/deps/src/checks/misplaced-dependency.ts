import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/misplaced-dependency', 'warning', 'misplaced', {
  title: 'Dependencies are in the right group',
  description:
    "Library code must not import a development-only dependency (users do not get it) unless the bundler inlines it (tsup, tsdown); a runtime dependency that only tests or tooling import may be a development dependency (info: a dependency's backend or a plugin may need it without an import). Not checked in private packages, which have no users.",
});

export {
  declarationProblems,
  describeConformance,
  fixtureProblems,
  generatorRunProblems,
  registrationProblems,
  schemaProblems,
  type ConformanceSpec,
} from './conformance';
export { diskProject, treeProject } from './projects';
export { dryRunProblems, expectIdempotentAndDryRunSafe } from './dry-run';
export { errorOf } from './error-of';
export { filesOf } from './files-of';
export { tempWorkspace } from './temp-workspace';
export {
  emptyStats,
  GeneratorInterrupt,
  generatorSequenceProperty,
  restyle,
  runGeneratorSequence,
  type FileStyle,
  type GeneratorSequenceSpec,
  type SequenceGenerator,
  type SequenceManifestKind,
  type SequenceStats,
  type SequenceStep,
} from './generator-sequences';
export { withoutPython } from './without-python';

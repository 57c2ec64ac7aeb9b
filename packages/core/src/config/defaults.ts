/** Every default of Shipshape's options and files, in one place: the schema, the plugin, the docs' tests read these. */
export const DEFAULTS = Object.freeze({
  targetName: 'audit',
  statusTargetName: 'status',
  failOn: 'error' as const,
  baselineFile: '.shipshape-baseline.json',
  reportsDir: 'reports/shipshape/{projectRoot}',
  /** The status target's reports (status.json, status.md, dashboard.html): also what `nx add` keeps out of git. */
  statusDir: 'reports/shipshape',
  historyFile: 'shipshape-history.jsonl',
  /** How many findings of one check an audit's terminal output lists per project. */
  listPerCheck: 5,
  /** Whether an audit's terminal output lists only the findings that fail the gate. */
  quiet: false,
  /** Files larger than this are not analyzed (bytes). */
  maxFileBytes: 5_000_000,
  /** Project roots that never get an audit target unless `projects.include` names them: test fixtures and examples. */
  excludedProjectRoots: [
    '**/__fixtures__/**',
    '**/__testfixtures__/**',
    '**/fixtures/**',
    '**/testdata/**',
    '**/test-data/**',
    '**/examples/**',
    '**/example/**',
  ] as readonly string[],
});

/** The committed ten-week plan, at the workspace root. */
export const PLAN_FILE = 'shipshape-plan.json';

/** The plugin that registers the audit and status targets, and whose nx.json options every package reads. */
export const PIPELINE_PLUGIN = '@shipshape/pipeline';

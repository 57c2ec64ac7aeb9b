/**
 * A workspace with a check package of its own ("demo-checks": one check, a project's package.json has a license)
 * and the given projects: what the audit executor tests run, through the `packages` option.
 */
export const DEMO_CHECKS = {
  'package.json': '{"name":"ws"}',
  'checks/package.json': '{"name":"demo-checks","shipshape":{"checks":"./index.js"}}',
  'checks/index.js': `exports.checks = [{
  id: 'demo/license', title: 'has a license', planItem: 'structure/package-metadata', languages: ['typescript'], severity: 'warning',
  run: (project) => (JSON.parse(project.workspace.source.read(project.file('package.json'))).license ? [] : [{ message: 'no license', file: project.file('package.json'), key: 'license', line: 1, column: 1 }]),
}];\n`,
};

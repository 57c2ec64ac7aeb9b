import type { Project } from 'ts-morph';
import { addWorkspaceFile, defineFact, projectFiles, projectRelative, syntaxProgram, TS_SOURCE_PATTERN } from '@shipshape/core';

/**
 * The project's sources in an in-memory ts-morph program, as the run sees them (a generator's Tree with its
 * pending changes, or the disk): what a module really exports, `export *` chains followed. Paths in the
 * program are core's `programPath`: `/` + the workspace-relative path.
 */
export const exportsProgram = defineFact({
  id: 'structure/exports-program',
  inputs: [projectFiles],
  compute: (project, files): Project => {
    const program = syntaxProgram();
    for (const { file } of files) {
      if (!TS_SOURCE_PATTERN.test(file) || projectRelative(project.root, file).split('/').includes('node_modules')) continue;
      addWorkspaceFile(program, project, file);
    }
    return program;
  },
});

import { listFiles, type FileListing, type ProjectFile } from '../../file-system/list-files';
import { defineFact } from '../fact';

/** The project's files as git sees them (.gitignore applied, links followed once, huge files reported). */
export const projectListing = defineFact<FileListing>({
  id: 'project/listing',
  compute: (project) => listFiles(project.workspace.source, project.root, project.options.maxFileBytes),
});

/** The project's files, workspace-relative. */
export const projectFiles = defineFact({
  id: 'project/files',
  inputs: [projectListing],
  compute: (_project, listing): ProjectFile[] => listing.files,
});

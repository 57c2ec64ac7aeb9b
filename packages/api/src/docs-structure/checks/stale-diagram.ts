import { decodeSource, defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { DIAGRAMS, diagramTexts, markedDiagrams, sameDiagram, type DiagramName } from '../diagrams';
import { docsSite } from '../site';

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const site = project.get(docsSite);
  const { source } = project.workspace;
  let expected: Record<DiagramName, string> | undefined;
  const findings: FindingInput[] = [];
  for (const file of site.pages) {
    const text = decodeSource(source.readBytes(file)).text;
    if (!text?.includes('shipshape:diagram')) continue;
    for (const block of markedDiagrams(text)) {
      if (!(DIAGRAMS as readonly string[]).includes(block.name)) continue;
      expected ??= await diagramTexts(project);
      const now = expected[block.name as DiagramName];
      if (block.mermaid !== undefined && sameDiagram(block.mermaid, now)) continue;
      findings.push({
        message: `the ${block.name} diagram no longer matches the code (${block.name === 'project-graph' ? "the workspace's project graph" : "the project's module imports"} changed): regenerate it`,
        file,
        line: block.line,
        key: `diagram:${block.name}`,
      });
    }
  }
  return findings;
}

export default defineCheck({
  id: 'docs/stale-diagram',
  title: 'Architecture diagrams match the code',
  planItem: 'docs/architecture-diagrams',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:diagrams',
  requires: [docsSite],
  description:
    "A Mermaid diagram Shipshape wrote between its markers (`<!-- shipshape:diagram project-graph -->` … `<!-- /shipshape:diagram -->`) that is not the one the code gives now: the project graph (the project, what it depends on and what depends on it, from Nx's graph) or the module import graph (TS relative imports, Python imports within the package). Line endings and indentation do not count. The diagrams generator rewrites the blocks and nothing else of the page.",
  run,
});

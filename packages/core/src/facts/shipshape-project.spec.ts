import { tempWorkspace } from '../testing/temp-workspace';
import { diskProject } from '../testing/projects';
import { defineFact } from './fact';

describe('ShipshapeProject.releaseFacts', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}\n' });
  afterAll(() => ws.remove());

  it('forgets the computed facts: the next get computes again, the values before stay as they were', () => {
    let computed = 0;
    const counter = defineFact({ id: 'test/counter', compute: () => ({ run: ++computed }) });
    const project = diskProject(ws.root, 'libs/a', { name: 'a' });
    const before = project.get(counter);
    expect(project.get(counter)).toBe(before);
    project.releaseFacts();
    const after = project.get(counter);
    expect(after).not.toBe(before);
    expect([before.run, after.run]).toEqual([1, 2]);
  });
});

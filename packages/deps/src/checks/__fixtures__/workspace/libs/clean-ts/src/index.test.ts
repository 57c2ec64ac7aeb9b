import { run } from './index';

test('runs', () => {
  expect(run('x')).toHaveLength(6);
});

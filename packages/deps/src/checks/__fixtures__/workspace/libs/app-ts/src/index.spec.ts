import { expect, it } from '@jest/globals';
import devThing from 'dev-in-deps-lib';
import { chunk } from 'lodash';
import { render } from './index';

it('renders', () => {
  expect(render({} as never) + devThing + chunk).toBeDefined();
});

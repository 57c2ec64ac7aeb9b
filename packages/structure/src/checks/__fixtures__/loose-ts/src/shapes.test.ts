import { area } from './shapes';

it('squares the side', () => expect(area({ side: 3 })).toBe(9));

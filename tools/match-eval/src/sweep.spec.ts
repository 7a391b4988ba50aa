import { splitRun } from './sweep';

describe('splitRun', () => {
  it('keeps the needs at even or odd positions', () => {
    const run = new Map([
      ['a', ['x']],
      ['b', ['y']],
      ['c', ['z']],
    ]);
    const needs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect([...splitRun(run, needs, 0).keys()]).toEqual(['a', 'c']);
    expect([...splitRun(run, needs, 1).keys()]).toEqual(['b']);
  });
});

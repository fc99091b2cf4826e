import { innersourcePlugin } from './plugin';

describe('innersource', () => {
  it('should export plugin', () => {
    expect(innersourcePlugin).toBeDefined();
  });
});

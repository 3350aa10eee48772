import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@plinth/core/errors';
import { decodeId, encodeId, publicId, tryDecodeId } from './ids';

const v7 = '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e';

describe('public ids', () => {
  it('round-trip a uuid through its prefixed form', () => {
    for (const uuid of [
      v7,
      randomUUID(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ]) {
      const id = encodeId('proj', uuid);
      expect(id).toMatch(/^proj_[0-7][0-9a-hjkmnp-tv-z]{25}$/);
      expect(publicId('proj').safeParse(id).success).toBe(true);
      expect(decodeId('proj', id)).toBe(uuid.toLowerCase());
    }
  });

  it('keep time order for uuid v7 ids', () => {
    const earlier = encodeId('evt', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e');
    const later = encodeId('evt', '01920d3c-8f2b-7000-8000-000000000000');
    expect(earlier < later).toBe(true);
  });

  it('answer 404, not 500, for a malformed id or one of another type', () => {
    const project = encodeId('proj', v7);
    for (const bad of [
      encodeId('ws', v7),
      'proj_',
      `${project}x`,
      project.toUpperCase(),
      'proj_81jbz3k4q8e9v6w2x5y7a0c1d2',
      v7,
      'proj_01jbz3k4q8e9v6w2x5y7a0c1dl',
    ]) {
      expect(tryDecodeId('proj', bad), bad).toBeUndefined();
      let thrown: unknown;
      try {
        decodeId('proj', bad);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown) && thrown.status).toBe(404);
    }
  });
});

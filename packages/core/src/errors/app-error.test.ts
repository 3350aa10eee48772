import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errorCodes, errorStatus, toErrorEnvelope } from './index';

describe('the error envelope', () => {
  it('carries code, message, fields and the request id', () => {
    const error = new AppError('invalid_input', 'Name is too short', { fields: { name: 'min 3' } });
    expect(toErrorEnvelope(error, 'req-1')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          message: 'Name is too short',
          fields: { name: 'min 3' },
          request_id: 'req-1',
        },
      },
    });
  });

  it('hides the details of unknown errors behind a generic 500', () => {
    const { status, body } = toErrorEnvelope(new Error('connection string postgres://secret@db'), 'req-2');
    expect(status).toBe(500);
    expect(body.error).toEqual({
      code: 'internal',
      message: 'Something went wrong on our side.',
      request_id: 'req-2',
    });
  });

  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of errorCodes) {
      expect(errorStatus[code], code).toBeGreaterThanOrEqual(400);
      expect(errorStatus[code], code).toBeLessThan(600);
      expect(new AppError(code).message, code).not.toBe('');
    }
  });

  it('names each field of a zod failure by its path', () => {
    const schema = z.strictObject({ name: z.string().min(3), owner: z.object({ email: z.email() }) });
    const result = schema.safeParse({ name: 'ab', owner: { email: 'nope' }, extra: 1 });
    const error = AppError.fromZod(result.error!);
    expect(error.code).toBe('invalid_input');
    expect(error.fields!.extra).toBe('Unknown field.');
    expect(Object.keys(error.fields!).sort()).toEqual(['extra', 'name', 'owner.email']);
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../errors/index';
import { checkAuthInput, parseAuthBody } from './auth-input';
import { findAuthEndpoint } from './auth-surface';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseAuthBody', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    ' application/json ; charset=UTF-8 ',
  ])('reads %s as JSON', (type) => {
    expect(parseAuthBody(type, '{"email":"a@b.test"}')).toEqual({ email: 'a@b.test' });
  });

  it.each([
    undefined,
    '',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/vnd.api+json',
    'application/jsonp',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; boundary=x',
  ])('refuses %s with 415', (type) => {
    expect(refusal(() => parseAuthBody(type, '{"email":"a@b.test"}')).code).toBe('unsupported_media_type');
  });

  it('treats an empty body as none, whatever its type', () => {
    expect(parseAuthBody('text/plain', '')).toBeUndefined();
    expect(parseAuthBody(undefined, '')).toBeUndefined();
  });

  it.each(['{', '[1]', '"x"', 'null', '1', ' '])('refuses %j: not a JSON object', (text) => {
    expect(refusal(() => parseAuthBody('application/json', text)).code).toBe('invalid_input');
  });
});

describe('checkAuthInput', () => {
  const signUp = findAuthEndpoint('POST', '/sign-up/email')!;
  const reset = findAuthEndpoint('GET', '/reset-password/:token'.replace(':token', 'abc'))!;
  const none = new URLSearchParams();

  it('names the field holding a control character, at any depth and in keys', () => {
    expect(refusal(() => checkAuthInput(signUp, none, { email: 'a\u0000@b.test' })).fields).toEqual({
      email: 'Remove control characters.',
    });
    expect(
      refusal(() => checkAuthInput(signUp, none, { data: { nested: ['ok', 'b\u0007'] } })).fields,
    ).toHaveProperty('data.nested.1');
    expect(
      refusal(() => checkAuthInput(signUp, none, JSON.parse('{"constructor":"x\\u0000"}'))).fields,
    ).toHaveProperty('constructor');
    expect(
      refusal(() => checkAuthInput(signUp, none, JSON.parse('{"__proto__":"x\\u0000"}'))).fields,
    ).toHaveProperty('__proto__');
    expect(refusal(() => checkAuthInput(signUp, none, { 'a\u0000': 1 })).fields).toHaveProperty('a\u0000');
  });

  it('leaves passwords alone: they are never stored or shown', () => {
    expect(() => checkAuthInput(signUp, none, { password: 'tab\there\u0000' })).not.toThrow();
  });

  it('checks path parameters decoded, and refuses a broken percent-encoding', () => {
    const withNul = findAuthEndpoint('GET', '/reset-password/a%00b')!;
    expect(refusal(() => checkAuthInput(withNul, none, undefined)).fields).toHaveProperty('token');
    const broken = findAuthEndpoint('GET', '/reset-password/%E0%A4%A')!;
    expect(refusal(() => checkAuthInput(broken, none, undefined)).fields).toHaveProperty('token');
    expect(() =>
      checkAuthInput(reset, new URLSearchParams('callbackURL=/reset-password'), undefined),
    ).not.toThrow();
  });

  it('checks every occurrence of a redirect parameter', () => {
    const query = new URLSearchParams('callbackURL=/app&callbackURL=//evil.example');
    expect(refusal(() => checkAuthInput(reset, query, undefined)).fields).toHaveProperty('callbackURL');
  });

  it('refuses a redirect target in the body that is not a string path on this site', () => {
    for (const value of ['//evil.example', ['/app'], { href: '/app' }, 1, '/..//evil.example']) {
      expect(refusal(() => checkAuthInput(signUp, none, { callbackURL: value })).fields).toHaveProperty(
        'callbackURL',
      );
    }
    expect(() => checkAuthInput(signUp, none, { callbackURL: '/verify-email?next=%2Fapp' })).not.toThrow();
  });

  it('holds names to one line of 1–100 characters, and lets a ban reason span lines', () => {
    expect(refusal(() => checkAuthInput(signUp, none, { name: 'a\nb' })).fields).toHaveProperty('name');
    expect(refusal(() => checkAuthInput(signUp, none, { name: 'x'.repeat(101) })).fields).toHaveProperty(
      'name',
    );
    expect(refusal(() => checkAuthInput(signUp, none, { name: '' })).fields).toHaveProperty('name');
    expect(() => checkAuthInput(signUp, none, { name: 'x'.repeat(100) })).not.toThrow();
    expect(() => checkAuthInput(signUp, none, { banReason: 'spam\nand abuse' })).not.toThrow();
    expect(refusal(() => checkAuthInput(signUp, none, { banReason: 'spam\u0000' })).fields).toHaveProperty(
      'banReason',
    );
  });

  it('takes no picture URL (only the avatar upload sets one); clearing it with null passes', () => {
    expect(() => checkAuthInput(signUp, none, { image: null })).not.toThrow();
    for (const image of [
      // A same-origin URL would be fetched by co-members' browsers, with their cookies.
      'https://app.example/api/v1/workspaces/acme/audit-events/export?format=json',
      'https://cdn.example/a.png',
      'javascript:alert(1)',
      'http://cdn.example/a.png',
      `https://x.example/${'a'.repeat(3000)}`,
      1,
    ]) {
      expect(refusal(() => checkAuthInput(signUp, none, { image })).fields).toEqual({
        image: 'Upload a picture on your account page instead.',
      });
    }
  });

  it('refuses a body nested deeper than any better-auth request', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 20; level++) deep = { deeper: deep };
    expect(refusal(() => checkAuthInput(signUp, none, deep as Record<string, unknown>)).code).toBe(
      'invalid_input',
    );
  });
});

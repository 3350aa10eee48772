import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from './address-policy';

describe('the webhook address policy', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '0:0:0:0:0:ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    '[::1]',
    'fe80::1%eth0',
    'localhost',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isAllowedAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isAllowedAddress(address)).toBe(true);
    },
  );

  it('allows loopback, and only loopback, when told to (development receivers)', () => {
    expect(isAllowedAddress('127.0.0.1', 'loopback')).toBe(true);
    expect(isAllowedAddress('::1', 'loopback')).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', 'loopback')).toBe(true);
    expect(isAllowedAddress('10.0.0.1', 'loopback')).toBe(false);
    expect(isAllowedAddress('169.254.169.254', 'loopback')).toBe(false);
    expect(isAllowedAddress('fd00::1', 'loopback')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { groupsOfClaim, roleFromGroups, type GroupRole } from './staff-sso.ts';

const MAPPING: GroupRole[] = [
  { group: 'stotte-a', role: 'support' },
  { group: 'stotte-b', role: 'support' },
  { group: 'koordinator', role: 'coordinator' },
];

describe('the role from the groups', () => {
  it('is the one role the mapped groups give, however many of them', () => {
    expect(roleFromGroups(['andet', 'stotte-a'], MAPPING)).toEqual({ kind: 'role', role: 'support' });
    expect(roleFromGroups(['stotte-a', 'stotte-b'], MAPPING)).toEqual({ kind: 'role', role: 'support' });
  });

  it('is none without a mapped group, and refused, not ranked, when two roles meet', () => {
    expect(roleFromGroups(['andet'], MAPPING)).toEqual({ kind: 'none' });
    expect(roleFromGroups([], MAPPING)).toEqual({ kind: 'none' });
    expect(roleFromGroups(['koordinator', 'stotte-b'], MAPPING)).toEqual({
      kind: 'several',
      roles: ['coordinator', 'support'],
    });
  });
});

describe("a claim's groups", () => {
  it('takes a list or one name, drops what is not a name, and keeps each once', () => {
    expect(groupsOfClaim(['a', 'b', 'a', 7, '', null])).toEqual(['a', 'b']);
    expect(groupsOfClaim('a')).toEqual(['a']);
    expect(groupsOfClaim(undefined)).toEqual([]);
    // Entra ID's overage marker instead of the groups.
    expect(groupsOfClaim({ src1: 'x' })).toEqual([]);
    expect(groupsOfClaim(['x'.repeat(201)])).toEqual([]);
  });
});

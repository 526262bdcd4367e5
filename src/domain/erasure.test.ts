import { describe, expect, it } from 'vitest';
import { erasureRefusal, type ErasureFacts } from './erasure.ts';

const erasable: ErasureFacts = {
  legalBasis: 'consent',
  closed: true,
  anonymised: false,
  reserved: 0,
  legalHold: false,
};

describe('erasure on request (spec: Erasure)', () => {
  it('is possible under consent for a closed case with nothing reserved and no legal hold', () => {
    expect(erasureRefusal(erasable)).toBeNull();
  });

  it('is refused under the public task, whatever else holds', () => {
    expect(erasureRefusal({ ...erasable, legalBasis: 'public_task' })).toBe('public_task');
    expect(erasureRefusal({ ...erasable, legalBasis: 'public_task', closed: false })).toBe('public_task');
  });

  it('is refused for an open case, with money reserved, or under a legal hold', () => {
    expect(erasureRefusal({ ...erasable, closed: false })).toBe('case_open');
    expect(erasureRefusal({ ...erasable, reserved: 1 })).toBe('money_reserved');
    expect(erasureRefusal({ ...erasable, legalHold: true })).toBe('legal_hold');
  });

  it('has nothing to do for a case that is anonymised already', () => {
    expect(erasureRefusal({ ...erasable, anonymised: true, legalBasis: 'public_task' })).toBe(
      'already_anonymised',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { nextStep, type NextStepFacts } from './case-next-step.ts';

const lead: NextStepFacts = {
  phase: 'lead_in',
  hasSupportPerson: true,
  conditionsAcknowledged: true,
  longTermGoals: 1,
  subGoals: 0,
  daysLeft: null,
};

describe('the next step on a case', () => {
  it('follows the phases', () => {
    expect(nextStep({ ...lead, phase: 'referred' })).toBe('start_screening');
    expect(nextStep({ ...lead, phase: 'screening' })).toBe('decide_screening');
    expect(nextStep({ ...lead, phase: 'paused', daysLeft: 100 })).toBe('resume');
    expect(nextStep({ ...lead, phase: 'closed' })).toBe('none');
  });

  it('walks the lead-in: support person, plan, conditions, start', () => {
    expect(nextStep({ ...lead, hasSupportPerson: false, longTermGoals: 0 })).toBe('assign_support');
    expect(nextStep({ ...lead, longTermGoals: 0, conditionsAcknowledged: false })).toBe('form_plan');
    expect(nextStep({ ...lead, conditionsAcknowledged: false })).toBe('acknowledge_conditions');
    expect(nextStep(lead)).toBe('activate');
  });

  it('asks for sub-goals, follow-up, and the close towards the end of the period', () => {
    const active = { ...lead, phase: 'active' as const, daysLeft: 200 };
    expect(nextStep(active)).toBe('set_sub_goals');
    expect(nextStep({ ...active, subGoals: 3 })).toBe('follow_up');
    expect(nextStep({ ...active, subGoals: 3, daysLeft: 30 })).toBe('prepare_close');
    expect(nextStep({ ...active, subGoals: 3, daysLeft: 0 })).toBe('close');
  });
});

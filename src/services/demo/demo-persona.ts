import type { CalendarDate } from '../../domain/calendar-date.ts';
import type {
  AcknowledgementMethod,
  PreferredLanguage,
  ReferralSource,
  TargetGroup,
} from '../../domain/case-intake.ts';
import type { LegalGender } from '../../domain/cpr.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import type { GoalCategory, SubGoalStatus } from '../../domain/plan.ts';
import type { PaymentMethod } from '../../domain/purchase-request.ts';
import type { Education, IncomeSource } from '../../domain/report/scales.ts';

// The shape of a demo citizen and of the staff their case is built with (demo-personas.ts holds the
// people themselves).

export interface DemoSubGoal {
  description: string;
  status: SubGoalStatus;
  /** When it reached its status (if not planned). */
  statusDaysAgo?: number;
  activity?: { description: string; kr: number; category: ExpenseCategory };
}

/**
 * A purchase request of a persona's case, taken as far as `ends` through the real services, dated
 * `daysAgo` (the day it was asked for; approval, payment and refund follow a few days apart, never after
 * the day the demo is loaded). `subGoal` is the place (1-based) of the sub-goal it serves in the plan.
 */
export interface DemoPurchase {
  title: string;
  purpose: string;
  amountKr: string;
  category: ExpenseCategory;
  /** The vendor's name in demo-money.ts's list; null pays the citizen directly. */
  vendor: string | null;
  method: PaymentMethod;
  justification?: string;
  subGoal?: number;
  daysAgo: number;
  ends:
    'draft' | 'submitted' | 'approved' | 'rejected' | 'cancelled' | 'paid' | 'paid_with_receipt' | 'refunded';
  /** Why it was rejected or cancelled. */
  reason?: string;
}

export interface DemoPersona {
  key: string;
  municipalityId: number;
  name: string;
  birthDate: CalendarDate;
  serial: number;
  gender: LegalGender;
  preferredLanguage: PreferredLanguage;
  referral: { source: ReferralSource; reason: string; daysAgo: number };
  screeningDaysAgo?: number;
  decision?: { accept: boolean; reason: string; daysAgo: number };
  /** The support person's local part in demo-organisation.ts. */
  support?: { local: string; daysAgo: number };
  supportChange?: { local: string; reason: string; daysAgo: number };
  intake?: { targetGroups: TargetGroup[]; incomeSource: IncomeSource; highestEducation: Education };
  plan?: {
    daysAgo: number;
    dream: string;
    goal?: { description: string; categories: GoalCategory[] };
    subGoals?: DemoSubGoal[];
    ideas?: string[];
  };
  acknowledged?: { daysAgo: number; method: AcknowledgementMethod };
  startDaysAgo?: number;
  pauseDaysAgo?: { from: number; reason: string };
  close?: { outcome: 'completed' | 'terminated_early'; daysAgo: number; reason?: string };
  notes?: { daysAgo: number; body: string; internal?: boolean }[];
  /** Only while the case is active: the services refuse requests in other phases. */
  purchases?: DemoPurchase[];
}

export interface StaffMember {
  id: string;
  role: 'support' | 'coordinator';
}

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
}

export interface StaffMember {
  id: string;
  role: 'support' | 'coordinator';
}

import type { Insertable } from 'kysely';
import type {
  CaseEventTable,
  CasePauseTable,
  CitizenCaseTable,
  CitizenTable,
  ConditionsAcknowledgementTable,
  FollowUpNoteTable,
  IdeaTable,
  LongTermGoalTable,
  PlannedActivityTable,
  PlanRevisionTable,
  SubGoalTable,
  SupportAssignmentTable,
} from '../../db/schema-cases.ts';

// The rows the demo builder collects before they are inserted a table at a time.

export interface CaseRows {
  citizens: Insertable<CitizenTable>[];
  cases: Insertable<CitizenCaseTable>[];
  events: Insertable<CaseEventTable>[];
  pauses: Insertable<CasePauseTable>[];
  assignments: Insertable<SupportAssignmentTable>[];
  acknowledgements: Insertable<ConditionsAcknowledgementTable>[];
  goals: Insertable<LongTermGoalTable>[];
  subGoals: Insertable<SubGoalTable>[];
  activities: Insertable<PlannedActivityTable>[];
  ideas: Insertable<IdeaTable>[];
  revisions: Insertable<PlanRevisionTable>[];
  notes: Insertable<FollowUpNoteTable>[];
}

export function emptyRows(): CaseRows {
  return {
    citizens: [],
    cases: [],
    events: [],
    pauses: [],
    assignments: [],
    acknowledgements: [],
    goals: [],
    subGoals: [],
    activities: [],
    ideas: [],
    revisions: [],
    notes: [],
  };
}

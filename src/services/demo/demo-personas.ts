import type { DemoPersona } from './demo-persona.ts';
import { AARHUS_PERSONAS } from './demo-personas-aarhus.ts';
import { HALSNAES_PERSONAS } from './demo-personas-halsnaes.ts';
import { KOLDING_PERSONAS } from './demo-personas-kolding.ts';
import { LEJRE_PERSONAS } from './demo-personas-lejre.ts';
import { FINISHED_PERSONAS } from './demo-personas-finished.ts';

// The demo's citizens (spec: Demo personas): fictional people like those of the 2020 evaluation report
// (§6.1, §6.4), across the four pilot municipalities and every phase. Days are counted back from the day the
// demo is loaded, so the phases ("active, month 4", "lead-in, week 10") hold on that day. CPR numbers
// follow the synthetic scheme of demo-cpr.ts: birth date + serial + gender → a number nobody has.

export const DEMO_PERSONAS: DemoPersona[] = [
  ...AARHUS_PERSONAS,
  ...HALSNAES_PERSONAS,
  ...KOLDING_PERSONAS,
  ...LEJRE_PERSONAS,
  // More closed cases: the followed-up base of the evaluation report.
  ...FINISHED_PERSONAS,
];

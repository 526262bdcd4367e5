import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';

// The demo personas of Kolding Kommune (demo-personas.ts).

const d = (iso: string) => iso as CalendarDate;

export const KOLDING_PERSONAS: DemoPersona[] = [
  {
    key: 'sara',
    municipalityId: 621,
    name: 'Sara Lindqvist',
    birthDate: d('2004-08-03'),
    serial: 24,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'jobcenter',
      reason: 'Angst, bor alene. Har selv fundet en kosmetikeruddannelse, men kan ikke betale den.',
      daysAgo: 330,
    },
    screeningDaysAgo: 322,
    decision: { accept: true, reason: 'Klart mål og stor motivation.', daysAgo: 318 },
    support: { local: 'stotteperson2', daysAgo: 316 },
    supportChange: {
      local: 'stotteperson',
      reason:
        'Sara bad om en anden støtteperson; hun kender Camilla fra værestedet og har bedre kontakt med hende.',
      daysAgo: 200,
    },
    intake: { targetGroups: ['mental_illness'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 300,
      dream: 'At arbejde i en skønhedssalon.',
      goal: {
        description: 'Gennemføre en selvbetalt uddannelse som kosmetiker.',
        categories: ['education_employment', 'self_esteem_wellbeing'],
      },
      subGoals: [
        {
          description: 'Betale kursusgebyret',
          status: 'achieved',
          statusDaysAgo: 240,
          activity: { description: 'Kursusgebyr, kosmetikeruddannelsen', kr: 18500, category: 'education' },
        },
        {
          description: 'Købe udstyrskit til undervisningen',
          status: 'achieved',
          statusDaysAgo: 205,
          activity: { description: 'Udstyrskit', kr: 3200, category: 'education' },
        },
        {
          description: 'Komme stabilt til undervisningen',
          status: 'in_progress',
          statusDaysAgo: 150,
          activity: { description: 'Buskort, 6 måneder', kr: 1400, category: 'transport' },
        },
      ],
    },
    acknowledged: { daysAgo: 280, method: 'on_paper' },
    startDaysAgo: 270,
    notes: [
      { daysAgo: 240, body: 'Kursusgebyret er betalt. Sara er startet på holdet og møder stabilt.' },
      { daysAgo: 120, body: 'Sara har bestået første modul og er meget stolt.' },
    ],
  },
  {
    key: 'kasper',
    municipalityId: 621,
    name: 'Kasper Dahl',
    birthDate: d('2000-07-11'),
    serial: 71,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'jobcenter',
      reason: 'Har droppet ud af uddannelse to gange. Hash fylder.',
      daysAgo: 280,
    },
    screeningDaysAgo: 272,
    decision: { accept: true, reason: 'Motiveret for en uddannelse med dyr.', daysAgo: 268 },
    support: { local: 'stotteperson', daysAgo: 266 },
    intake: {
      targetGroups: ['substance_abuse'],
      incomeSource: 'education_benefit',
      highestEducation: 'primary',
    },
    plan: {
      daysAgo: 255,
      dream: 'En uddannelse, hvor jeg arbejder med hunde.',
      goal: { description: 'Tage et kursus i hundepleje.', categories: ['education_employment'] },
      subGoals: [
        {
          description: 'Tilmelde mig kurset i hundepleje',
          status: 'dropped',
          statusDaysAgo: 105,
          activity: { description: 'Kursusgebyr, hundepleje', kr: 4200, category: 'education' },
        },
      ],
    },
    acknowledged: { daysAgo: 252, method: 'in_person' },
    startDaysAgo: 250,
    close: {
      outcome: 'terminated_early',
      daysAgo: 100,
      reason: 'Flyttet fra kommunen i måned 5. De ubrugte midler går tilbage til puljen.',
    },
    notes: [{ daysAgo: 110, body: 'Kasper fortæller, at han flytter til sin søster i en anden kommune.' }],
  },
];

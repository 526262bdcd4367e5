import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';

// Citizens whose cases have closed, beyond the demo personas (spec: Demo personas), the report's kind
// of people: with Birgitte and Kasper they give the demo's evaluation report a followed-up base — start
// and end questionnaires (demo-questionnaires.ts) — and not only start ones.

const d = (iso: string) => iso as CalendarDate;

export const FINISHED_PERSONAS: DemoPersona[] = [
  {
    key: 'henrik',
    municipalityId: 751,
    name: 'Henrik Bak',
    birthDate: d('1987-11-23'),
    serial: 35,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'street_team',
      reason: 'Har sovet i bil og på venners sofaer i to år.',
      daysAgo: 336,
    },
    screeningDaysAgo: 333,
    decision: { accept: true, reason: 'Vil gerne have et sted at bo og noget at stå op til.', daysAgo: 331 },
    support: { local: 'stotteperson', daysAgo: 330 },
    intake: { targetGroups: ['homelessness'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 328,
      dream: 'Et sted at bo med plads til at skrue på knallerter.',
      goal: { description: 'Egen lejlighed og et fritidsjob.', categories: ['housing', 'independence'] },
      subGoals: [
        {
          description: 'Depositum til en lejlighed',
          status: 'achieved',
          statusDaysAgo: 300,
          activity: { description: 'Depositum og indskud', kr: 18000, category: 'housing' },
        },
      ],
    },
    acknowledged: { daysAgo: 327, method: 'in_person' },
    startDaysAgo: 325,
    close: { outcome: 'completed', daysAgo: 15 },
    notes: [{ daysAgo: 300, body: 'Henrik har skrevet under på lejekontrakten og flytter ind i næste uge.' }],
  },
  {
    key: 'mette',
    municipalityId: 621,
    name: 'Mette Friis',
    birthDate: d('1980-04-12'),
    serial: 58,
    gender: 'female',
    preferredLanguage: 'da',
    referral: { source: 'psychiatry', reason: 'Angst og ensomhed efter en lang indlæggelse.', daysAgo: 334 },
    screeningDaysAgo: 330,
    decision: { accept: true, reason: 'Vil gerne ud blandt andre igen.', daysAgo: 328 },
    support: { local: 'stotteperson', daysAgo: 327 },
    intake: {
      targetGroups: ['mental_illness'],
      incomeSource: 'resource_course',
      highestEducation: 'upper_secondary',
    },
    plan: {
      daysAgo: 322,
      dream: 'At synge i kor igen.',
      goal: { description: 'Et fællesskab og bedre helbred.', categories: ['social_relations', 'health'] },
      subGoals: [
        {
          description: 'Melde mig ind i et kor',
          status: 'achieved',
          statusDaysAgo: 250,
          activity: { description: 'Kontingent og noder', kr: 1800, category: 'exercise_leisure' },
        },
      ],
    },
    acknowledged: { daysAgo: 321, method: 'in_person' },
    startDaysAgo: 320,
    close: { outcome: 'completed', daysAgo: 25 },
  },
  {
    key: 'ali',
    municipalityId: 250,
    name: 'Ali Demir',
    birthDate: d('1993-01-27'),
    serial: 42,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'substance_treatment',
      reason: 'Stoffri i et halvt år, gæld og ingen uddannelse.',
      daysAgo: 260,
    },
    screeningDaysAgo: 255,
    decision: { accept: true, reason: 'Motiveret for at tage en uddannelse.', daysAgo: 250 },
    support: { local: 'stotteperson', daysAgo: 249 },
    intake: {
      targetGroups: ['substance_abuse'],
      incomeSource: 'cash_benefit',
      highestEducation: 'primary',
    },
    plan: {
      daysAgo: 245,
      dream: 'At blive tømrer.',
      goal: {
        description: 'Komme ind på en tømreruddannelse.',
        categories: ['education_employment', 'substance_free'],
      },
    },
    acknowledged: { daysAgo: 242, method: 'on_paper' },
    startDaysAgo: 240,
    close: {
      outcome: 'terminated_early',
      daysAgo: 60,
      reason: 'Har fået en læreplads med løn; ønsker selv at stoppe forløbet.',
    },
  },
  {
    key: 'camilla',
    municipalityId: 350,
    name: 'Camilla Holt',
    birthDate: d('1998-09-04'),
    serial: 66,
    gender: 'female',
    preferredLanguage: 'da',
    referral: { source: 'housing_support', reason: 'Ung mor uden uddannelse, isoleret.', daysAgo: 332 },
    screeningDaysAgo: 329,
    decision: { accept: true, reason: 'Ønsker en uddannelse for sin datters skyld.', daysAgo: 326 },
    support: { local: 'stotteperson', daysAgo: 325 },
    intake: { targetGroups: ['other'], incomeSource: 'education_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 322,
      dream: 'At blive pædagogmedhjælper.',
      goal: {
        description: 'Gennemføre et forberedende kursus.',
        categories: ['education_employment', 'self_esteem_wellbeing'],
      },
    },
    acknowledged: { daysAgo: 319, method: 'in_person' },
    startDaysAgo: 318,
    close: { outcome: 'completed', daysAgo: 10 },
  },
];

import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';

// The demo personas of Lejre Kommune (demo-personas.ts).

const d = (iso: string) => iso as CalendarDate;

export const LEJRE_PERSONAS: DemoPersona[] = [
  {
    key: 'lone',
    municipalityId: 350,
    name: 'Lone Schmidt',
    birthDate: d('1990-06-21'),
    serial: 48,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'housing_support',
      reason:
        'Har mistet kontakten med sine tre sønner; lejligheden er ikke indrettet til, at de kan besøge hende.',
      daysAgo: 380,
    },
    screeningDaysAgo: 372,
    decision: { accept: true, reason: 'Stærkt ønske om at genoprette kontakten til børnene.', daysAgo: 365 },
    support: { local: 'stotteperson', daysAgo: 364 },
    intake: {
      targetGroups: ['homelessness', 'other'],
      incomeSource: 'cash_benefit',
      highestEducation: 'upper_secondary',
    },
    plan: {
      daysAgo: 345,
      dream: 'At mine drenge kan sove hos mig.',
      goal: {
        description: 'En bolig, hvor drengene kan overnatte.',
        categories: ['housing', 'social_relations'],
      },
      subGoals: [
        {
          description: 'Male lejligheden og købe en sovesofa',
          status: 'achieved',
          statusDaysAgo: 250,
          activity: { description: 'Maling og sovesofa', kr: 7400, category: 'housing' },
        },
        {
          description: 'En weekendtur med drengene',
          status: 'planned',
          activity: { description: 'Weekendophold for fire', kr: 3500, category: 'family_experiences' },
        },
      ],
    },
    acknowledged: { daysAgo: 335, method: 'on_paper' },
    startDaysAgo: 320,
    purchases: [
      {
        title: 'Maling og sovesofa',
        purpose: 'Så drengene har et sted at sove, når de besøger Lone.',
        amountKr: '7400',
        category: 'housing',
        vendor: 'Byg og Bolig A/S',
        method: 'invoice',
        subGoal: 1,
        daysAgo: 275,
        ends: 'paid_with_receipt',
      },
      {
        title: 'Bærbar computer',
        purpose: 'Så drengene kan lave lektier, når de sover hos Lone.',
        amountKr: '4800',
        category: 'electronics',
        vendor: 'Computerbutikken A/S',
        method: 'bank_transfer',
        daysAgo: 120,
        ends: 'rejected',
        reason: 'Computeren hører ikke til delmålene i planen. Skriv den ind i planen først.',
      },
      {
        title: 'Weekendophold for fire',
        purpose: 'En weekendtur med drengene i efterårsferien.',
        amountKr: '3500',
        category: 'family_experiences',
        vendor: 'Feriecentret Fjordly',
        method: 'invoice',
        subGoal: 2,
        daysAgo: 6,
        ends: 'draft',
      },
    ],
    notes: [
      {
        daysAgo: 250,
        body: 'Stuen er malet og sovesofaen leveret. Drengene har sovet hos Lone for første gang.',
      },
      { daysAgo: 90, body: 'Lone planlægger en weekendtur med drengene i efterårsferien.' },
    ],
  },
  {
    key: 'fatima',
    municipalityId: 350,
    name: 'Fatima Al-Sayed',
    birthDate: d('1995-04-30'),
    serial: 84,
    gender: 'female',
    preferredLanguage: 'ar',
    referral: {
      source: 'jobcenter',
      reason: 'Enlig mor med begrænsede danskkundskaber; ønsker at komme i gang med en uddannelse.',
      daysAgo: 20,
    },
    screeningDaysAgo: 12,
    notes: [
      {
        daysAgo: 12,
        body: 'Visitationssamtale med tolk. Fatima har brug for sprogstøtte; giv hende materialet på arabisk.',
        internal: true,
      },
    ],
  },
];

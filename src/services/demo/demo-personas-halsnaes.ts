import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';

// The demo personas of Halsnæs Kommune (demo-personas.ts).

const d = (iso: string) => iso as CalendarDate;

export const HALSNAES_PERSONAS: DemoPersona[] = [
  {
    key: 'jonas',
    municipalityId: 250,
    name: 'Jonas Mølgaard',
    birthDate: d('1985-03-09'),
    serial: 37,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'substance_treatment',
      reason: 'I alkoholbehandling. Gæld i to kviklån fylder meget og truer behandlingen.',
      daysAgo: 120,
    },
    screeningDaysAgo: 110,
    decision: { accept: true, reason: 'I målgruppen; stabil i behandlingen.', daysAgo: 105 },
    support: { local: 'stotteperson', daysAgo: 104 },
    intake: { targetGroups: ['substance_abuse'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 90,
      dream: 'At være fri af kviklånene.',
      goal: {
        description: 'Styre min egen økonomi uden nye lån.',
        categories: ['finances_debt', 'substance_free'],
      },
      subGoals: [
        {
          description: 'Indfri to kviklån',
          status: 'in_progress',
          statusDaysAgo: 30,
          activity: { description: 'Indfrielse af to kviklån', kr: 9800, category: 'debt' },
        },
        {
          description: 'Gennemføre et budgetkursus',
          status: 'planned',
          activity: { description: 'Budgetkursus i aftenskolen', kr: 900, category: 'education' },
        },
      ],
    },
    acknowledged: { daysAgo: 65, method: 'in_person' },
    startDaysAgo: 60,
    purchases: [
      {
        title: 'Indfrielse af to kviklån',
        purpose: 'Jonas bliver fri af de to lån, der giver uro i hverdagen.',
        amountKr: '9800',
        category: 'debt',
        vendor: 'Låneselskabet Nord ApS',
        method: 'bank_transfer',
        justification: 'Renterne æder hele budgettet hver måned. Aftalen om indfrielse er på plads.',
        subGoal: 1,
        daysAgo: 48,
        ends: 'approved',
      },
      {
        title: 'Fitnessabonnement, 3 måneder',
        purpose: 'Motion hjælper på søvnen.',
        amountKr: '1200',
        category: 'exercise_leisure',
        vendor: 'Fitnesscentret Puls',
        method: 'bank_transfer',
        daysAgo: 30,
        ends: 'cancelled',
        reason: 'Borgeren fandt et billigere tilbud.',
      },
      {
        title: 'Budgetkursus i aftenskolen',
        purpose: 'Delmålet er at lægge sit eget budget.',
        amountKr: '900',
        category: 'education',
        vendor: 'Sprogskolen',
        method: 'invoice',
        subGoal: 2,
        daysAgo: 2,
        ends: 'draft',
      },
    ],
    notes: [
      { daysAgo: 50, body: 'Aftale med långiverne om indfrielse er på plads; begrundelsen er skrevet.' },
      {
        daysAgo: 20,
        body: 'Jonas har haft et tilbagefald, men mødte op i behandlingen mandag.',
        internal: true,
      },
    ],
  },
  {
    key: 'birgitte',
    municipalityId: 250,
    name: 'Birgitte Krogh',
    birthDate: d('1974-02-17'),
    serial: 62,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'psychiatry',
      reason: 'Depression, førtidspension. Kommer sjældent ud af lejligheden.',
      daysAgo: 345,
    },
    screeningDaysAgo: 338,
    decision: { accept: true, reason: 'Ønsker at bryde isolationen.', daysAgo: 332 },
    support: { local: 'stotteperson', daysAgo: 331 },
    intake: {
      targetGroups: ['mental_illness'],
      incomeSource: 'disability_pension',
      highestEducation: 'upper_secondary',
    },
    plan: {
      daysAgo: 320,
      dream: 'At komme ud af lejligheden.',
      goal: { description: 'En hund og nogen at gå tur med.', categories: ['social_relations', 'health'] },
      subGoals: [
        {
          description: 'Købe hund og udstyr',
          status: 'achieved',
          statusDaysAgo: 240,
          activity: { description: 'Hund, snor, kurv og foder', kr: 6500, category: 'exercise_leisure' },
        },
      ],
    },
    acknowledged: { daysAgo: 302, method: 'in_person' },
    startDaysAgo: 300,
    close: { outcome: 'completed', daysAgo: 30 },
    notes: [
      {
        daysAgo: 240,
        body: 'Birgitte har fået sin hund, Bella. Hun går tur hver dag og har mødt to hundeejere.',
      },
      { daysAgo: 35, body: 'Afslutningssamtale: Birgitte oplever, at hun er tæt på sit mål.' },
    ],
  },
  {
    key: 'nikolaj',
    municipalityId: 250,
    name: 'Nikolaj Skov',
    birthDate: d('1992-03-08'),
    serial: 16,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'shelter',
      reason: 'Har boet et år på forsorgshjemmet og vil gerne videre.',
      daysAgo: 5,
    },
  },
];

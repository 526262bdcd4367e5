import type { TestContext } from '../setup/test-db.ts';
import { programmeOf, testCpr } from './case-factory.ts';
import type { MoneyTeam } from './money-factory.ts';
import { enableVouchers } from './voucher-factory.ts';

// A case that holds every kind of personal data the application keeps (spec: Retention), built through
// the services the way staff and the citizen build it: a citizen with a phone number, an e-mail address
// and their own log-in by mobile number; the referral, a pause, the plan (dream, goal, sub-goal,
// activity, idea), a shared and an internal note, all four questionnaires, a grant with a note, a paid
// request with a receipt, a rejected one, a voucher sent by SMS and then cancelled, and a termination.
// The citizen's name is written into every free text; the CPR number into the receipt and a note.

/** The strings that make the case personal: each must be found in the database before, none after. */
export interface PersonalStrings {
  name: string;
  /** As staff type and the receipt shows it, 010203-4567, and without the dash. */
  cpr: string;
  cprDigits: string;
  phone: string;
  /** The log-in's mobile number as stored (+45 and eight digits). */
  loginPhone: string;
  email: string;
  note: string;
  dream: string;
  goal: string;
}

export interface PersonalCase {
  caseId: string;
  citizenId: string;
  strings: PersonalStrings;
}

let counter = 0;

export async function personalCase(t: TestContext, team: MoneyTeam): Promise<PersonalCase> {
  const n = ++counter;
  const { coordinator, support, finance, vendorId } = team;
  const name = `Rikke Retentionsen ${n}`;
  const cpr = testCpr('female');
  const digits = String(20_000_000 + n * 1_111_111).slice(0, 8);
  const strings: PersonalStrings = {
    name,
    cpr,
    cprDigits: cpr.replace('-', ''),
    phone: `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`,
    loginPhone: `+45${digits}`,
    email: `rikke.retentionsen${n}@example.test`,
    note: `${name} fik nøglerne til lejligheden i dag (${n}).`,
    dream: `Et værksted med plads til ${name}s cykler.`,
    goal: `${name} har egen bolig inden jul.`,
  };
  await enableVouchers(t, team);
  const citizen = await t.services.citizens.register(coordinator, {
    cpr,
    name,
    phone: strings.phone,
    email: strings.email,
  });
  const { id: caseId } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: `${name} er henvist af jobcentret.`,
  });
  await t.services.cases.startScreening(coordinator, caseId);
  await t.services.cases.accept(coordinator, caseId, { reason: `${name} er i målgruppen.` });
  await t.services.cases.assignSupport(coordinator, caseId, {
    supportUserId: support.userId,
    reason: `${name} bad selv om Susanne.`,
  });
  await t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' });
  await t.services.cases.activate(support, caseId, {});

  await t.services.plans.setDream(support, caseId, { dream: strings.dream });
  const goal = await t.services.plans.addGoal(support, caseId, {
    description: strings.goal,
    categories: ['housing', 'independence'],
  });
  const subGoal = await t.services.plans.addSubGoal(support, caseId, {
    description: `${name} sparer op til depositum.`,
    longTermGoalId: goal,
  });
  if (!subGoal) throw new Error('No sub-goal');
  await t.services.plans.addActivity(support, caseId, subGoal, {
    description: `Depositum til ${name}s lejlighed`,
    estimatedCostKr: '6000',
    expenseCategory: 'housing',
  });
  await t.services.plans.addIdea(support, caseId, { text: `${name} vil gerne have en knallert.` });
  await t.services.notes.add(support, caseId, { body: strings.note });
  await t.services.notes.add(support, caseId, {
    body: `Internt: CPR ${strings.cprDigits} tjekket mod folkeregistret.`,
    internal: 'on',
  });
  await t.services.questionnaires.save(
    support,
    caseId,
    'citizen_start',
    {
      answers: {
        goal_categories: ['housing'],
        distance: 'far',
        who5_1: 2,
        who5_2: 2,
        who5_3: 3,
        who5_4: 1,
        who5_5: 2,
      },
      complete: true,
    },
    'x',
  );
  await t.services.questionnaires.save(
    support,
    caseId,
    'support_start',
    { answers: { belief: 'high' } },
    'x',
  );

  // The citizen's own log-in, by mobile number.
  const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
  const password = 'grøn cykel ved søen om morgenen';
  await t.services.citizenLogin.activate(
    { code, login: strings.loginPhone, password, passwordRepeat: password },
    '203.0.113.9',
  );

  await t.services.budgets.grant(coordinator, caseId, { amountKr: '20000', note: `Bevilget til ${name}.` });
  const paid = await t.services.purchases.create(support, caseId, {
    title: `Depositum for ${name}`,
    purpose: `${name} flytter ind.`,
    amountKr: '6000',
    category: 'housing',
    vendorId,
    paymentMethod: 'invoice',
    links: `https://example.test/${n}/bolig`,
  });
  await t.services.purchases.confirm(support, paid, { how: 'in_person' });
  await t.services.purchases.submit(support, paid);
  await t.services.purchases.approve(coordinator, paid);
  const receipt = new TextEncoder().encode(`%PDF-1.4\n% Kvittering for ${name}, CPR ${strings.cpr}\n%%EOF\n`);
  await t.services.attachments.attach(
    support,
    paid,
    { kind: 'receipt' },
    { name: 'kvittering.pdf', bytes: receipt },
  );
  await t.services.purchases.pay(finance, paid, { reference: `F-${n}` });

  const rejected = await t.services.purchases.create(support, caseId, {
    title: 'Computer',
    purpose: 'Til jobsøgning.',
    amountKr: '3000',
    category: 'electronics',
    vendorId,
    paymentMethod: 'invoice',
  });
  await t.services.purchases.confirm(support, rejected, { how: 'in_person' });
  await t.services.purchases.submit(support, rejected);
  await t.services.purchases.reject(coordinator, rejected, { reason: `${name} har allerede en computer.` });

  const voucher = await t.services.purchases.create(support, caseId, {
    title: 'Cykel',
    purpose: 'Til arbejde.',
    amountKr: '2000',
    category: 'transport',
    vendorId,
    paymentMethod: 'voucher',
  });
  await t.services.purchases.confirm(support, voucher, { how: 'in_person' });
  await t.services.purchases.submit(support, voucher);
  await t.services.purchases.approve(coordinator, voucher);
  await t.services.purchases.cancel(support, voucher, { reason: `${name} fandt en brugt cykel.` });

  await t.services.cases.pause(support, caseId, { reason: `${name} er indlagt.` });
  await t.services.cases.resume(support, caseId, {});
  await t.services.cases.terminate(support, caseId, { reason: `${name} er flyttet til Odense.` });
  await t.services.questionnaires.save(
    support,
    caseId,
    'citizen_end',
    {
      answers: {
        distance: 'some_way',
        who5_1: 3,
        who5_2: 3,
        who5_3: 3,
        who5_4: 2,
        who5_5: 3,
        self_determination: 4,
        quality_of_life: 3,
      },
      complete: true,
    },
    'x',
  );
  await t.services.questionnaires.save(
    support,
    caseId,
    'support_end',
    { answers: { assessment: 'partly' } },
    'x',
  );
  return { caseId, citizenId: citizen.id, strings };
}

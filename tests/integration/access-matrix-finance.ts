import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, HALSNAES, staff } from '../factories/case-factory.ts';
import type { TestContext } from '../setup/test-db.ts';
import type { DynamicRow, Prepared, Statuses, Who } from './access-matrix-cases.ts';

// Finance's pages in the access matrix: payments, payment files, bookkeeping and the vendor list.
// Routes that take a request or batch id are tried with one of Aarhus (the actor's municipality) and
// one of Halsnæs. A route that pays gets a fresh approved request or batch per role.

const onlyFor = (allowed: Partial<Statuses>): Statuses => ({
  support: 404,
  coordinator: 404,
  finance: 404,
  admin: 404,
  evaluator: 404,
  anonymous: 303,
  ...allowed,
});

type Where = 'own' | 'other';

interface Team {
  coordinator: Actor;
  support: Actor;
  finance: Actor;
  vendorId: string;
}

let world: { t: TestContext; teams: Record<Where, Team> } | undefined;

export async function prepareFinanceWorld(t: TestContext): Promise<void> {
  const team = async (municipalityId: number, cvr: string): Promise<Team> => {
    const finance = await staff(t, municipalityId, 'okonomi');
    return {
      coordinator: await staff(t, municipalityId, 'koordinator'),
      support: await staff(t, municipalityId, 'stotteperson'),
      finance,
      vendorId: await t.services.budgets.addVendor(finance, {
        name: 'Matrix Bank ApS',
        cvr,
        bankRegistration: '1234',
        bankAccount: '12345678',
      }),
    };
  };
  world = { t, teams: { own: await team(AARHUS, '55667788'), other: await team(HALSNAES, '88776655') } };
}

function w() {
  if (!world) throw new Error('prepareFinanceWorld first');
  return world;
}

/** An approved bank transfer of 500 kr. on a fresh active case. */
async function approvedRequest(where: Where): Promise<string> {
  const { t, teams } = w();
  const team = teams[where];
  const { caseId } = await caseIn(t, 'active', team);
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '5000' });
  const id = await t.services.purchases.create(team.support, caseId, {
    title: 'Matrixbetaling',
    purpose: 'Matrix',
    amountKr: '500',
    category: 'transport',
    vendorId: team.vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(team.support, id, { how: 'in_person' });
  await t.services.purchases.submit(team.support, id);
  await t.services.purchases.approve(team.support, id);
  return id;
}

async function newBatch(where: Where): Promise<string> {
  const requestId = await approvedRequest(where);
  return w().t.services.payments.createBatch(w().teams[where].finance, { requestIds: [requestId] });
}

let proposals = 0;

/** A vendor proposed by the team's support person (spec: Vendors), with a CVR number of its own. */
function proposal(where: Where): Promise<string> {
  const { t, teams } = w();
  proposals += 1;
  return t.services.vendorProposals.propose(teams[where].support, {
    name: `Matrix Forslag ${proposals}`,
    cvr: String(71000000 + proposals),
    payWith: 'card',
  });
}

/** Finance and the coordinator decide on a proposal of their own municipality. */
const decides = (status: number): Partial<Statuses> => ({ finance: status, coordinator: status });

/** Fresh for those who decide (a decision is taken once), shared for the rest. */
function proposalFor(who: Who, where: Where, kind: string): Promise<string> {
  return (who === 'finance' || who === 'coordinator') && where === 'own'
    ? proposal(where)
    : once(`proposal-${kind}-${where}`, () => proposal(where));
}

/** Shared ids for the roles that only ever get 404 or 303. */
const shared = new Map<string, Promise<string>>();
const once = (key: string, make: () => Promise<string>) => {
  let p = shared.get(key);
  if (!p) shared.set(key, (p = make()));
  return p;
};

export function financeMatrix(): DynamicRow[] {
  const fixed = (route: string, expected: Statuses, prepared: Prepared): DynamicRow => ({
    route,
    expected,
    prepare: () => Promise.resolve(prepared),
  });
  /** Fresh for finance (it changes things), shared for the rest. */
  const idFor = (who: Who, where: Where, kind: string, make: () => Promise<string>) =>
    who === 'finance' && where === 'own' ? make() : once(`${kind}-${where}`, make);
  const perMunicipality = (
    route: string,
    allowed: Partial<Statuses>,
    prepare: (who: Who, where: Where) => Promise<Prepared>,
  ): DynamicRow[] =>
    (['own', 'other'] as const).map((where) => ({
      route,
      target: where,
      expected: onlyFor(where === 'own' ? allowed : {}),
      prepare: (who: Who) => prepare(who, where),
    }));
  return [
    fixed('GET /betalinger', onlyFor({ finance: 200 }), { path: '/betalinger' }),
    ...perMunicipality('GET /betalinger/:requestId', { finance: 200 }, async (_who, where) => ({
      path: `/betalinger/${await once(`request-${where}`, () => approvedRequest(where))}`,
    })),
    ...perMunicipality('POST /betalinger/:requestId', { finance: 303 }, async (who, where) => ({
      path: `/betalinger/${await idFor(who, where, 'pay', () => approvedRequest(where))}`,
      form: { action: 'pay', reference: 'Matrix-1' },
    })),
    fixed('GET /betalinger/filer', onlyFor({ finance: 200 }), { path: '/betalinger/filer' }),
    {
      route: 'POST /betalinger/filer',
      expected: onlyFor({ finance: 303 }),
      prepare: async (who) => {
        // Something to put in the file, so finance's post makes one.
        if (who === 'finance') await approvedRequest('own');
        return { path: '/betalinger/filer', form: { executionDate: '' } };
      },
    },
    ...perMunicipality('GET /betalinger/filer/:batchId/fil', { finance: 200 }, async (_who, where) => ({
      path: `/betalinger/filer/${await once(`batch-${where}`, () => newBatch(where))}/fil`,
    })),
    ...perMunicipality('POST /betalinger/filer/:batchId/sendt', { finance: 303 }, async (who, where) => ({
      path: `/betalinger/filer/${await idFor(who, where, 'send', () => newBatch(where))}/sendt`,
    })),
    fixed('GET /bogfoering', onlyFor({ finance: 200 }), { path: '/bogfoering' }),
    fixed('GET /bogfoering/csv', onlyFor({ finance: 200 }), {
      path: '/bogfoering/csv?fra=2026-01-01&til=2026-12-31',
    }),
    fixed('GET /leverandoerer', onlyFor({ finance: 200, coordinator: 200, support: 200 }), {
      path: '/leverandoerer',
    }),
    fixed('POST /leverandoerer/forslag', onlyFor({ support: 303 }), {
      path: '/leverandoerer/forslag',
      form: { name: 'Matrix Forslag ApS', cvr: '70000001', payWith: 'card' },
    }),
    // A decision is taken once: those who decide get a fresh proposal each, the rest share one.
    ...perMunicipality(
      'GET /leverandoerer/:vendorId/afvis',
      { finance: 200, coordinator: 200 },
      async (_who, where) => ({
        path: `/leverandoerer/${await once(`proposal-${where}`, () => proposal(where))}/afvis`,
      }),
    ),
    ...perMunicipality('POST /leverandoerer/:vendorId/afvis', decides(303), async (who, where) => ({
      path: `/leverandoerer/${await proposalFor(who, where, 'reject')}/afvis`,
      form: { reason: 'Matrixen afviser.' },
    })),
    ...perMunicipality('POST /leverandoerer/:vendorId/godkend', decides(303), async (who, where) => ({
      path: `/leverandoerer/${await proposalFor(who, where, 'approve')}/godkend`,
      form: {},
    })),
    fixed('POST /leverandoerer', onlyFor({ finance: 303, coordinator: 303 }), {
      path: '/leverandoerer',
      form: { name: 'Matrix Leverandør uden CVR' },
    }),
    ...perMunicipality(
      'POST /leverandoerer/:vendorId/pin',
      { finance: 201, coordinator: 201 },
      (_who, where) => Promise.resolve({ path: `/leverandoerer/${w().teams[where].vendorId}/pin` }),
    ),
  ];
}

/**
 * A request with a quote attached, on a case of the team's own support person or another's; approved,
 * or still a draft (which finance does not see).
 */
async function attachedQuote(
  where: Where | 'unassigned',
  approved: boolean,
): Promise<{ requestId: string; attachmentId: string }> {
  const { t, teams } = w();
  const team = teams[where === 'unassigned' ? 'own' : where];
  const support = where === 'unassigned' ? await staff(t, AARHUS, 'stotteperson2') : team.support;
  const { caseId } = await caseIn(t, 'active', { coordinator: team.coordinator, support });
  const requestId = await t.services.purchases.create(support, caseId, {
    title: 'Matrixbilag',
    purpose: 'Matrix',
    amountKr: '300',
    category: 'transport',
    vendorId: team.vendorId,
    paymentMethod: 'bank_transfer',
  });
  if (approved) {
    await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '1000' });
    await t.services.purchases.confirm(support, requestId, { how: 'in_person' });
    await t.services.purchases.submit(support, requestId);
    await t.services.purchases.approve(support, requestId);
  }
  const pdf = new TextEncoder().encode('%PDF-1.4\n% matrix\n');
  const { attachmentId } = await t.services.attachments.attach(
    support,
    requestId,
    { kind: 'quote' },
    { name: 'tilbud.pdf', bytes: pdf },
  );
  return { requestId, attachmentId };
}

/**
 * Attachments: whoever works on the request's case (the support person only on their own cases) and
 * finance of the municipality. A post without a file is refused as bad input (422), but only after the
 * request was found to be the poster's to see.
 */
export function attachmentMatrix(): DynamicRow[] {
  const staffOfCase = { support: 1, coordinator: 1 };
  const places = [
    ['own', true, { ...staffOfCase, finance: 1 }],
    ['own', false, staffOfCase],
    ['unassigned', true, { coordinator: 1, finance: 1 }],
    ['other', true, {}],
  ] as const;
  const quote = (where: Where | 'unassigned', approved: boolean) =>
    once(`quote-${where}-${approved}`, () => attachedQuote(where, approved).then(JSON.stringify));
  const ids = async (where: Where | 'unassigned', approved: boolean) =>
    JSON.parse(await quote(where, approved)) as { requestId: string; attachmentId: string };
  const withStatus = (allowed: Partial<Record<Who, number>>, status: number) =>
    onlyFor(Object.fromEntries(Object.keys(allowed).map((who) => [who, status])));
  return places.flatMap(([where, approved, allowed]) => {
    const target = approved ? where : 'ownDraft';
    return [
      {
        route: 'GET /bilag/:attachmentId',
        target,
        expected: withStatus(allowed, 200),
        prepare: async () => ({ path: `/bilag/${(await ids(where, approved)).attachmentId}` }),
      },
      {
        route: 'POST /anmodninger/:requestId/bilag',
        target,
        expected: withStatus(allowed, 422),
        prepare: async () => ({
          path: `/anmodninger/${(await ids(where, approved)).requestId}/bilag`,
          form: { kind: 'receipt' },
        }),
      },
    ];
  });
}

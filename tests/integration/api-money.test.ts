import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, HALSNAES, staff } from '../factories/case-factory.ts';
import { buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// /api/v1 for money: a grant, a request through its lifecycle to payment and refund, the
// budget in øre; field errors, another municipality's case, the budget refusal, and idempotency keys.

let t: TestContext;
let api: TestApp;
let coordinator: Actor;
let support: Actor;
const tokens: Record<'coordinator' | 'support' | 'finance' | 'halsnaes', string> = {
  coordinator: '',
  support: '',
  finance: '',
  halsnaes: '',
};

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  key: string | null = method === 'GET' ? null : newIdempotencyKey(),
) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const upload = body instanceof FormData;
  if (body !== undefined && !upload) headers.set('content-type', 'application/json');
  if (key) headers.set('idempotency-key', key);
  const res = await api.app.request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : upload ? body : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: res.status,
    type,
    disposition: res.headers.get('content-disposition'),
    replayed: res.headers.get('idempotent-replayed'),
    bytes,
    text,
    json: type.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  api = buildApp(t.services);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  const admin = await staff(t, AARHUS, 'admin');
  const finance = await staff(t, AARHUS, 'okonomi');
  const other = await staff(t, HALSNAES, 'koordinator');
  const otherAdmin = await staff(t, HALSNAES, 'admin');
  const issue = async (by: Actor, who: Actor) =>
    (await t.services.apiTokens.issue(by, { userId: who.userId, name: 'Test' })).token;
  tokens.coordinator = await issue(admin, coordinator);
  tokens.support = await issue(admin, support);
  tokens.finance = await issue(admin, finance);
  tokens.halsnaes = await issue(otherAdmin, other);
});
afterAll(() => t.close());

async function activeCase(): Promise<string> {
  return (await caseIn(t, 'active', { coordinator, support })).caseId;
}

let vendorId = '';
async function vendor(): Promise<string> {
  if (vendorId) return vendorId;
  const res = await call('POST', '/vendors', tokens.finance, {
    name: 'Cykelsmeden ApS',
    cvr: '12345678',
    bankRegistration: '1234',
    bankAccount: '0012345678',
  });
  expect(res.status).toBe(201);
  vendorId = (res.json as { id: string }).id;
  return vendorId;
}

async function submitted(caseId: string, amountKr: string): Promise<string> {
  const created = await call('POST', `/cases/${caseId}/purchase-requests`, tokens.support, {
    title: 'Cykel',
    purpose: 'Kan komme til praktik',
    amountKr,
    category: 'transport',
    vendorId: await vendor(),
    paymentMethod: 'bank_transfer',
  });
  expect(created.status).toBe(201);
  const id = (created.json as { id: string }).id;
  expect(
    (await call('POST', `/purchase-requests/${id}/confirm`, tokens.support, { how: 'in_person' })).status,
  ).toBe(204);
  expect((await call('POST', `/purchase-requests/${id}/submit`, tokens.support)).status).toBe(204);
  return id;
}

function upload(kind: string, name: string, content: string): FormData {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new TextEncoder().encode(content)], name));
  return form;
}

describe('the money API', () => {
  it('grants, approves, pays and refunds; the budget answers in øre with ISO instants', async () => {
    const caseId = await activeCase();
    expect(
      (await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '20000' })).status,
    ).toBe(204);
    const id = await submitted(caseId, '3000');
    expect((await call('POST', `/purchase-requests/${id}/approve`, tokens.support)).status).toBe(204);
    const paid = await call('POST', `/purchase-requests/${id}/payments`, tokens.finance, {
      reference: 'F-1',
      amountKr: '2950',
    });
    expect(paid.status).toBe(204);
    expect(
      (
        await call('POST', `/purchase-requests/${id}/refunds`, tokens.finance, {
          amountKr: '950',
          reference: 'Kreditnota 7',
        })
      ).status,
    ).toBe(204);

    const budget = await call('GET', `/cases/${caseId}/budget`, tokens.support);
    expect(budget.status).toBe(200);
    expect(budget.json).toMatchObject({
      caseId,
      phase: 'active',
      balance: {
        grantedOre: 20_000_00,
        reservedOre: 0,
        paidOre: 2_950_00,
        refundedOre: 950_00,
        spentOre: 2_000_00,
        availableOre: 18_000_00,
      },
      maxGrantOre: 50_000_00,
      requests: [{ id, number: 1, status: 'refunded', amountOre: 3_000_00, paidOre: 2_950_00 }],
    });
    const postings = (budget.json as { postings: { kind: string; amountOre: number; postedAt: string }[] })
      .postings;
    expect(postings.map((p) => [p.kind, p.amountOre])).toEqual([
      ['grant', 20_000_00],
      ['reservation', 3_000_00],
      ['payment', 2_950_00],
      ['refund', 950_00],
    ]);
    expect(postings[0]?.postedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const vendors = await call('GET', '/vendors', tokens.support);
    expect(vendors.json).toContainEqual(
      expect.objectContaining({ id: await vendor(), name: 'Cykelsmeden ApS', cvr: '12345678' }),
    );
  });

  it('refuses bad input with field errors (422) and changes nothing', async () => {
    const caseId = await activeCase();
    const res = await call('POST', `/cases/${caseId}/purchase-requests`, tokens.support, {
      title: '',
      amountKr: '-5',
      category: 'yacht',
    });
    expect(res.status).toBe(422);
    const fields = (res.json as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['amountKr', 'category', 'purpose', 'title']);
    const budget = await call('GET', `/cases/${caseId}/budget`, tokens.support);
    expect((budget.json as { requests: unknown[] }).requests).toEqual([]);
  });

  it("answers 404 for another municipality's case and request, as for one that does not exist", async () => {
    const caseId = await activeCase();
    await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '5000' });
    const id = await submitted(caseId, '1000');
    expect((await call('GET', `/cases/${caseId}/budget`, tokens.halsnaes)).status).toBe(404);
    expect(
      (await call('POST', `/cases/${caseId}/grants`, tokens.halsnaes, { amountKr: '5000' })).status,
    ).toBe(404);
    expect((await call('POST', `/purchase-requests/${id}/approve`, tokens.halsnaes)).status).toBe(404);
    expect(
      (await call('GET', '/cases/00000000-0000-4000-8000-000000000000/budget', tokens.support)).status,
    ).toBe(404);
  });

  it('refuses an approval past the available amount with 409 budget_exceeded', async () => {
    const caseId = await activeCase();
    await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '4000' });
    const first = await submitted(caseId, '3000');
    const second = await submitted(caseId, '1500');
    expect((await call('POST', `/purchase-requests/${first}/approve`, tokens.support)).status).toBe(204);
    const refused = await call('POST', `/purchase-requests/${second}/approve`, tokens.support);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: { code: 'budget_exceeded' } });
  });

  it('replays the first answer for a repeated key, and refuses the key with another body (422)', async () => {
    const caseId = await activeCase();
    const key = newIdempotencyKey();
    const body = {
      title: 'Cykel',
      purpose: 'Kan komme til praktik',
      amountKr: '1000',
      category: 'transport',
      vendorId: await vendor(),
    };
    const first = await call('POST', `/cases/${caseId}/purchase-requests`, tokens.support, body, key);
    const again = await call('POST', `/cases/${caseId}/purchase-requests`, tokens.support, body, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, replayed: 'true', json: first.json });
    const other = await call(
      'POST',
      `/cases/${caseId}/purchase-requests`,
      tokens.support,
      { ...body, amountKr: '2000' },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ error: { code: 'idempotency_mismatch' } });
    // Money calls without a key are refused before anything happens.
    const keyless = await call('POST', `/cases/${caseId}/purchase-requests`, tokens.support, body, null);
    expect(keyless.status).toBe(422);
    expect(keyless.json).toMatchObject({
      error: {
        fields: {
          'Idempotency-Key': 'Send en Idempotency-Key-header med en nøgle pr. handling, fx et UUID.',
        },
      },
    });
    const budget = await call('GET', `/cases/${caseId}/budget`, tokens.support);
    expect((budget.json as { requests: unknown[] }).requests).toHaveLength(1);

    // A 204 step replays as a 204 too (a replayed empty body used to answer 500).
    const grantKey = newIdempotencyKey();
    const grants = [];
    for (let i = 0; i < 2; i++) {
      grants.push(
        await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '700' }, grantKey),
      );
    }
    expect(grants.map((g) => [g.status, g.replayed])).toEqual([
      [204, null],
      [204, 'true'],
    ]);
    const after = await call('GET', `/cases/${caseId}/budget`, tokens.support);
    expect(after.json).toMatchObject({ balance: { grantedOre: 700_00 } });
  });

  it('takes attachments as multipart uploads checked by content, and gives finance the request with them', async () => {
    const caseId = await activeCase();
    await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '5000' });
    const id = await submitted(caseId, '1200');
    expect((await call('POST', `/purchase-requests/${id}/approve`, tokens.support)).status).toBe(204);

    const fake = await call(
      'POST',
      `/purchase-requests/${id}/attachments`,
      tokens.support,
      upload('quote', 'x.pdf', 'MZ'),
    );
    expect(fake.status).toBe(422);
    expect(fake.json).toMatchObject({
      error: { fields: { file: 'Filen skal være en PDF, JPEG eller PNG.' } },
    });
    const pdf = '%PDF-1.4\n% faktura\n';
    const key = newIdempotencyKey();
    const first = await call(
      'POST',
      `/purchase-requests/${id}/attachments`,
      tokens.finance,
      upload('invoice', 'Faktura 7.pdf', pdf),
      key,
    );
    const again = await call(
      'POST',
      `/purchase-requests/${id}/attachments`,
      tokens.finance,
      upload('invoice', 'Faktura 7.pdf', pdf),
      key,
    );
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, replayed: 'true', json: first.json });

    const payable = await call('GET', `/payments/${id}`, tokens.finance);
    expect(payable.json).toMatchObject({
      id,
      status: 'approved',
      amountOre: 1_200_00,
      category: 'transport',
      vendor: { name: 'Cykelsmeden ApS', cvr: '12345678' },
      attachments: [{ id: (first.json as { id: string }).id, kind: 'invoice', fileName: 'Faktura 7.pdf' }],
    });
    // Finance sees what paying needs, never the purpose or the citizen.
    expect(payable.text).not.toContain('Kan komme til praktik');
    const file = await call('GET', `/attachments/${(first.json as { id: string }).id}`, tokens.finance);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(file.text).toBe(pdf);
    expect(file.disposition).toBe("attachment; filename*=UTF-8''Faktura%207.pdf");
    const queue = await call('GET', '/payments', tokens.finance);
    expect((queue.json as unknown as { id: string }[]).map((p) => p.id)).toContain(id);
  });

  it('makes a payment file, gives it as pain.001.001.03, marks it sent once, and books it in the CSV', async () => {
    const caseId = await activeCase();
    await call('POST', `/cases/${caseId}/grants`, tokens.coordinator, { amountKr: '5000' });
    const id = await submitted(caseId, '800');
    expect((await call('POST', `/purchase-requests/${id}/approve`, tokens.support)).status).toBe(204);

    const made = await call('POST', '/payment-files', tokens.finance, { requestIds: [id] });
    expect(made.status).toBe(201);
    const batchId = (made.json as { id: string }).id;
    const xml = await call('GET', `/payment-files/${batchId}/file`, tokens.finance);
    expect(xml.type).toBe('application/xml; charset=utf-8');
    expect(xml.text).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(xml.text).toContain('<InstdAmt Ccy="DKK">800.00</InstdAmt>');
    // In a file, it is paid by marking the file sent, never by hand as well.
    const byHand = await call('POST', `/purchase-requests/${id}/payments`, tokens.finance, {
      reference: 'X',
    });
    expect(byHand.status).toBe(409);
    expect((await call('POST', `/payment-files/${batchId}/sent`, tokens.finance, {})).status).toBe(204);
    const twice = await call('POST', `/payment-files/${batchId}/sent`, tokens.finance, {});
    expect(twice.status).toBe(409);
    const files = await call('GET', '/payment-files', tokens.finance);
    expect(files.json as unknown as unknown[]).toContainEqual(
      expect.objectContaining({ id: batchId, status: 'sent', totalOre: 800_00, count: 1 }),
    );
    const budget = await call('GET', `/cases/${caseId}/budget`, tokens.support);
    expect(budget.json).toMatchObject({ balance: { paidOre: 800_00, reservedOre: 0 } });

    const today = t.clock.now().toISOString().slice(0, 10);
    const posted = await call('GET', `/postings?from=${today}&to=${today}`, tokens.finance);
    expect(posted.json as unknown as unknown[]).toContainEqual(
      expect.objectContaining({ kind: 'payment', requestId: id, amountOre: 800_00 }),
    );
    const csv = await call('GET', `/bookkeeping?from=${today}&to=${today}`, tokens.finance);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(';800,00;');
    const bad = await call('GET', '/bookkeeping?from=2026-02-31', tokens.finance);
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as { error: { fields: object } }).error.fields)).toEqual(['from']);
  });
});

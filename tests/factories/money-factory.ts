import type { Actor } from '../../src/services/context.ts';
import type { TestContext } from '../setup/test-db.ts';
import { AARHUS, staff } from './case-factory.ts';

// The people and the vendor most money tests start from: the demo's Aarhus coordinator, support
// person and finance officer, and a vendor on the list with a bank account (so it can be paid by file).

export interface MoneyTeam {
  coordinator: Actor;
  support: Actor;
  finance: Actor;
  vendorId: string;
}

/** On a test context with the demo loaded. */
export async function moneyTeam(t: TestContext, vendorName = 'Cykelsmeden ApS'): Promise<MoneyTeam> {
  const finance = await staff(t, AARHUS, 'okonomi');
  return {
    coordinator: await staff(t, AARHUS, 'koordinator'),
    support: await staff(t, AARHUS, 'stotteperson'),
    finance,
    vendorId: await t.services.budgets.addVendor(finance, {
      name: vendorName,
      cvr: '12345678',
      bankRegistration: '1234',
      bankAccount: '0012345678',
    }),
  };
}

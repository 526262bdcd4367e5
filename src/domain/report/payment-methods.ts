// Purchases by payment method (formats: Report JSON) over the started cases: per payment method the net
// amount paid, the number of purchases paid and the number of citizens with one. A voucher is a purchase
// the citizen made themselves, in the shop (spec: Vouchers). Every method appears, with zeros where none
// was paid so, as the expense categories of `spending` do; amounts are summed in øre and turned into
// kroner numbers at the end.

import { oreToKrNumber, sumOre } from '../money.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../purchase-request.ts';
import { perMunicipality, type Bases, type PerMunicipality } from './bases.ts';
import { rowsOf, sumOf, type PaymentMethodRow } from './report-rows.ts';

export interface MethodPurchases {
  readonly kr: number;
  readonly count: number;
  readonly citizens: number;
}

export interface PurchasesByPaymentMethod {
  /** Started cases. */
  readonly n: number;
  readonly byMethod: Readonly<Record<PaymentMethod, MethodPurchases>>;
}

function assertCount(name: string, x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${name} must be a count, got ${x}`);
}

function purchasesOf(rows: readonly PaymentMethodRow[], n: number): PurchasesByPaymentMethod {
  for (const r of rows) {
    if (!(PAYMENT_METHODS as readonly string[]).includes(r.method))
      throw new RangeError(`Unknown payment method: ${r.method}`);
  }
  const byMethod = {} as Record<PaymentMethod, MethodPurchases>;
  for (const method of PAYMENT_METHODS) {
    const own = rows.filter((r) => r.method === method);
    const count = sumOf(own, (r) => r.count);
    const citizens = sumOf(own, (r) => r.citizens);
    assertCount(`${method} count`, count);
    assertCount(`${method} citizens`, citizens);
    if (citizens > n) throw new RangeError(`${method}: ${citizens} citizens of ${n} started cases`);
    byMethod[method] = { kr: oreToKrNumber(sumOre(own.map((r) => r.amount))), count, citizens };
  }
  return { n, byMethod };
}

export function purchasesByPaymentMethodFigure(
  rows: readonly PaymentMethodRow[],
  bases: Bases,
): PerMunicipality<PurchasesByPaymentMethod> {
  return perMunicipality(bases, (m) => purchasesOf(rowsOf(rows, m), bases.of(m).started));
}

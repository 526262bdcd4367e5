import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import type { PayableView, PaymentVendorView } from '../../services/money/payment.service.ts';
import type { PageContext } from '../context.ts';

// Parts of finance's pages (finance.page.tsx): what is bought, and where the money goes.

/** The vendor's account as finance reads it: registration and account number, or the IBAN. */
export function accountText(v: PaymentVendorView | null): string {
  if (!v) return '';
  if (v.bankRegistration && v.bankAccount) return `${v.bankRegistration} ${v.bankAccount}`;
  return v.iban ?? '';
}

/** What is bought, its category and the sub-goal it serves (spec: Payments): never who it is for. */
export function WhatIsBought({ ctx, payable: p }: { ctx: PageContext; payable: PayableView }) {
  const { t } = ctx;
  return (
    <>
      {p.title}
      <span class="form-hint">{t(EXPENSE_CATEGORY_LABELS[p.category])}</span>
      {p.subGoal ? <span class="form-hint">{t('finance.subGoalOf', { subGoal: p.subGoal })}</span> : null}
    </>
  );
}

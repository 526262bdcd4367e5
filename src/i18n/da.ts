import { citizenLoginDa } from './citizen-login.da.ts';
import { mitIdDa } from './mitid.da.ts';
import { staffSsoDa } from './staff-sso.da.ts';
import { secondFactorDa } from './second-factor.da.ts';
import { portalDa } from './portal.da.ts';
import { importDa } from './import.da.ts';
import { portalSelfDa } from './portal-self.da.ts';
import { layoutDa } from './layout.da.ts';
import { accessDa } from './access.da.ts';
import { programmeDa } from './programme.da.ts';
import { casesDa } from './cases.da.ts';
import { planDa } from './plan.da.ts';
import { caseMoneyDa } from './case-money.da.ts';
import { financeDa } from './finance.da.ts';
import { evaluationDa } from './evaluation.da.ts';
import { fieldsDa } from './fields.da.ts';
import { fieldsCasesDa } from './fields-cases.da.ts';
import { fieldsMoneyDa } from './fields-money.da.ts';
import { fieldsAccessDa } from './fields-access.da.ts';
import { errorsDa } from './errors.da.ts';
import { domainMoneyDa } from './domain-money.da.ts';
import { domainCasesDa } from './domain-cases.da.ts';
import { domainPaymentFileDa } from './domain-payment-file.da.ts';
import { domainEvaluationDa } from './domain-evaluation.da.ts';
import { domainInstrumentsDa } from './domain-instruments.da.ts';
import { cliDa } from './cli.da.ts';
import { vouchersDa } from './vouchers.da.ts';
import { voucherPagesDa } from './voucher-pages.da.ts';
import { voucherShopDa } from './voucher-shop.da.ts';
import { voucherStaffDa } from './voucher-staff.da.ts';
import { domainImportDa } from './domain-import.da.ts';
import { dataSubjectDa } from './data-subject.da.ts';
import { eventsDa } from './events.da.ts';
import { retentionDa } from './retention.da.ts';
import { privacyNoticeDa } from './privacy-notice.da.ts';
import { workDa } from './work.da.ts';
import { confirmDa } from './confirm.da.ts';
import { vendorProposalsDa } from './vendor-proposals.da.ts';
import { purchaseDeclineDa } from './purchase-decline.da.ts';
import { importColumnsDa } from './import-columns.da.ts';
import { mailDa } from './mail.da.ts';
import { listsDa } from './lists.da.ts';

// The Danish message catalogue: the product's first language (spec: Languages). Plain words, short sentences.
export const da = {
  ...layoutDa,
  ...accessDa,
  ...programmeDa,
  ...casesDa,
  ...planDa,
  ...caseMoneyDa,
  ...financeDa,
  ...evaluationDa,
  ...fieldsDa,
  ...fieldsCasesDa,
  ...fieldsMoneyDa,
  ...fieldsAccessDa,
  ...portalDa,
  ...importDa,
  ...portalSelfDa,
  ...citizenLoginDa,
  ...mitIdDa,
  ...staffSsoDa,
  ...secondFactorDa,
  ...errorsDa,
  ...domainMoneyDa,
  ...domainCasesDa,
  ...domainPaymentFileDa,
  ...domainEvaluationDa,
  ...domainInstrumentsDa,
  ...domainImportDa,
  ...dataSubjectDa,
  ...eventsDa,
  ...cliDa,
  ...vouchersDa,
  ...voucherPagesDa,
  ...voucherShopDa,
  ...voucherStaffDa,
  ...retentionDa,
  ...privacyNoticeDa,
  ...workDa,
  ...confirmDa,
  ...vendorProposalsDa,
  ...purchaseDeclineDa,
  ...importColumnsDa,
  ...mailDa,
  ...listsDa,
} as const;

export type MessageKey = keyof typeof da;

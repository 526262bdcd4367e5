import type { vendorProposalsDa } from './vendor-proposals.da.ts';

// The vendor list's proposals, in English (spread into en.ts).
export const vendorProposalsEn: Record<keyof typeof vendorProposalsDa, string> = {
  'label.vendorStatus.proposed': 'Waiting for finance',
  'label.vendorStatus.approved': 'Approved',
  'label.vendorStatus.rejected': 'Rejected',
  'vendors.supportIntro':
    'These are the vendors you can choose when you write a request. If a shop is missing, you can propose it. Finance approves it before it can be used.',
  'vendors.payment': 'Payment',
  'vendors.approvedList': 'Approved vendors',
  'vendors.paysByCard': 'Paid by card',
  'vendors.status': 'Status',
  'vendors.proposals.title': 'Proposed vendors',
  'vendors.proposals.mine': 'Your proposals',
  'vendors.proposals.waiting': 'Proposals waiting for you',
  'vendors.proposals.proposedBy': 'Proposed by',
  'vendors.proposals.proposedAt': 'Proposed',
  'vendors.proposals.approve': 'Approve',
  'vendors.proposals.approveLabel': 'Approve {name}',
  'vendors.proposals.reject': 'Reject',
  'vendors.proposals.rejectLabel': 'Reject {name}',
  'vendors.proposals.approved': 'The vendor is approved and can now be chosen in requests.',
  'vendors.proposals.rejected': 'The proposal is rejected. The support person can see the reason.',
  'vendors.propose.title': 'Propose a vendor',
  'vendors.propose.intro':
    "Write the shop's name and CVR number, and how it is paid. Finance checks the details and approves the vendor.",
  'vendors.propose.cvr': 'CVR number',
  'vendors.propose.cvrHint': '8 digits. It is on the invoice, on the quote or on virk.dk.',
  'vendors.propose.payWith': 'How is the vendor paid?',
  'vendors.propose.payWith.iban': "Bank transfer to the vendor's account (IBAN)",
  'vendors.propose.payWith.card': "With the municipality's payment card",
  'vendors.propose.iban': 'IBAN',
  'vendors.propose.ibanHint': 'Only for a bank transfer. A Danish IBAN starts with DK and has 18 characters.',
  'vendors.propose.submit': 'Send the proposal to finance',
  'vendors.propose.done': 'Your proposal has been sent to finance.',
  'vendors.reject.title': 'Reject {name}',
  'vendors.reject.intro':
    'Write why the vendor is not approved. The support person who proposed it can see the reason.',
  'vendors.reject.reason': 'Reason',
  'vendors.reject.submit': 'Reject the proposal',
  'vendors.reject.back': 'Back to the vendors',
  'money.field.vendor.propose': 'Vendor missing? Propose a new vendor',
};

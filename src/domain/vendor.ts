import type { MessageKey } from '../i18n/index.ts';

// A vendor on the municipality's list (spec: Vendors): added by finance or the coordinator, or proposed by
// a support person and then approved or rejected by finance. Only an approved vendor can be chosen for a
// purchase request and paid.

export const VENDOR_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const VENDOR_STATUS_LABELS: Readonly<Record<VendorStatus, MessageKey>> = {
  proposed: 'label.vendorStatus.proposed',
  approved: 'label.vendorStatus.approved',
  rejected: 'label.vendorStatus.rejected',
};

-- Vendor proposals (spec: Vendors): a support person proposes a vendor the citizen wants to buy from, and
-- finance approves or rejects it with a reason; only an approved vendor can be chosen for a request or
-- paid. Vendors already on the list are approved. And the citizen's "no" to a purchase written on their
-- behalf (spec: Citizen confirmation): the draft goes back to the support person with the reason.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

ALTER TABLE vendor ADD COLUMN status text NOT NULL DEFAULT 'approved'
  CHECK (status IN ('proposed', 'approved', 'rejected'));
-- Paid with the municipality's payment card: the vendor needs no account on the list.
ALTER TABLE vendor ADD COLUMN pays_by_card boolean NOT NULL DEFAULT false;
ALTER TABLE vendor ADD COLUMN proposed_by uuid REFERENCES app_user (id);
ALTER TABLE vendor ADD COLUMN proposed_at timestamptz;
ALTER TABLE vendor ADD COLUMN decided_by uuid REFERENCES app_user (id);
ALTER TABLE vendor ADD COLUMN decided_at timestamptz;
ALTER TABLE vendor ADD COLUMN rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000);
ALTER TABLE vendor ADD CONSTRAINT vendor_proposed_by CHECK ((proposed_by IS NULL) = (proposed_at IS NULL));
ALTER TABLE vendor ADD CONSTRAINT vendor_decided_by CHECK ((decided_by IS NULL) = (decided_at IS NULL));
-- A proposal is someone's and undecided; a rejection is decided and says why.
ALTER TABLE vendor ADD CONSTRAINT vendor_proposal_open
  CHECK (status <> 'proposed' OR (proposed_by IS NOT NULL AND decided_by IS NULL));
ALTER TABLE vendor ADD CONSTRAINT vendor_rejection
  CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL) AND (status <> 'rejected' OR decided_by IS NOT NULL));
-- A proposal that names no account is paid by card, and a vendor paid by card has no account.
ALTER TABLE vendor ADD CONSTRAINT vendor_proposal_paid
  CHECK (proposed_by IS NULL OR pays_by_card OR iban IS NOT NULL OR bank_account IS NOT NULL);
ALTER TABLE vendor ADD CONSTRAINT vendor_card_no_account
  CHECK (NOT pays_by_card OR (iban IS NULL AND bank_account IS NULL));

-- A CVR number is on the list once; a rejected proposal does not hold it.
DROP INDEX vendor_cvr;
CREATE UNIQUE INDEX vendor_cvr ON vendor (municipality_id, cvr) WHERE cvr IS NOT NULL AND status <> 'rejected';
CREATE INDEX vendor_proposals ON vendor (municipality_id, proposed_at) WHERE status = 'proposed';

-- The citizen said no in the portal, with an optional reason for the support person. Cleared, like the
-- confirmation, when the draft is changed.
ALTER TABLE purchase_request ADD COLUMN citizen_declined_at timestamptz;
ALTER TABLE purchase_request ADD COLUMN citizen_decline_reason text
  CHECK (length(citizen_decline_reason) BETWEEN 1 AND 1000);
ALTER TABLE purchase_request ADD CONSTRAINT purchase_request_decline
  CHECK ((citizen_decline_reason IS NULL OR citizen_declined_at IS NOT NULL)
    AND (citizen_declined_at IS NULL OR citizen_confirmed_on IS NULL));

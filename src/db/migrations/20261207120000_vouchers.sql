-- Vouchers (spec: Vouchers): the citizen buys it themselves. An approved request paid by voucher keeps its
-- reservation and gets a single-use code; a shop of the municipality's vendor list redeems it with its
-- own redemption PIN, without an account; the redemption becomes a payment to make in finance's queue.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

-- The new payment method.
ALTER TABLE purchase_request DROP CONSTRAINT purchase_request_payment_method_check;
ALTER TABLE purchase_request ADD CONSTRAINT purchase_request_payment_method_check
  CHECK (payment_method IN ('invoice', 'requisition', 'payment_card', 'bank_transfer', 'direct_to_citizen',
    'voucher'));
-- A voucher any vendor on the list may redeem is approved without one; its vendor is set when a shop
-- redeems it, so a paid request still names who was paid.
ALTER TABLE purchase_request DROP CONSTRAINT purchase_request_check5;
ALTER TABLE purchase_request ADD CONSTRAINT purchase_request_vendor_named
  CHECK (status NOT IN ('approved', 'paid', 'refunded') OR vendor_id IS NOT NULL
    OR payment_method = 'direct_to_citizen' OR (status = 'approved' AND payment_method = 'voucher'));
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_payment_method_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_payment_method_check
  CHECK (payment_method IN ('invoice', 'requisition', 'payment_card', 'bank_transfer', 'direct_to_citizen',
    'voucher'));

-- The programme says whether vouchers are offered at all and whether one may be redeemed by any vendor
-- of its category on the list; each category's rule (category_rules) says whether it may be bought so.
ALTER TABLE programme ADD COLUMN voucher_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE programme ADD COLUMN voucher_any_vendor boolean NOT NULL DEFAULT false;

-- The shop's redemption PIN, issued by finance: a keyed hash (the server's secret), so that the PIN both
-- finds its vendor and is never stored as it is. Unique within the municipality.
ALTER TABLE vendor ADD COLUMN redemption_pin_hash text CHECK (redemption_pin_hash ~ '^[A-Za-z0-9_-]{20,100}$');
ALTER TABLE vendor ADD COLUMN redemption_pin_set_at timestamptz;
ALTER TABLE vendor ADD CONSTRAINT vendor_pin_set_at CHECK ((redemption_pin_hash IS NULL) = (redemption_pin_set_at IS NULL));
CREATE UNIQUE INDEX vendor_redemption_pin ON vendor (municipality_id, redemption_pin_hash)
  WHERE redemption_pin_hash IS NOT NULL;

CREATE TABLE voucher (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  purchase_request_id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL,
  -- Twelve characters of an alphabet without look-alikes, the last a check character (domain/voucher.ts).
  code text NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJKMNP-Z]{12}$'),
  -- Null: any active vendor of the list may redeem it (where the programme allows).
  vendor_id uuid,
  max_amount_ore bigint NOT NULL CHECK (max_amount_ore > 0 AND max_amount_ore <= 5000000),
  expires_on date NOT NULL,
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'redeemed', 'cancelled', 'expired')),
  issued_at timestamptz NOT NULL,
  redeemed_at timestamptz,
  redeemed_by_vendor_id uuid,
  redeemed_amount_ore bigint CHECK (redeemed_amount_ore > 0 AND redeemed_amount_ore <= max_amount_ore),
  receipt_number text CHECK (length(receipt_number) BETWEEN 1 AND 100),
  -- What the shop is told and writes on its invoice: VB- and eight characters.
  redemption_reference text UNIQUE CHECK (redemption_reference ~ '^VB-[2-9A-HJKMNP-Z]{8}$'),
  -- The key of the redemption form: the same form sent again gets the same confirmation.
  redemption_key text CHECK (redemption_key ~ '^[A-Za-z0-9_-]{8,100}$'),
  ended_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (id, municipality_id),
  FOREIGN KEY (purchase_request_id, municipality_id) REFERENCES purchase_request (id, municipality_id),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (vendor_id, municipality_id) REFERENCES vendor (id, municipality_id),
  FOREIGN KEY (redeemed_by_vendor_id, municipality_id) REFERENCES vendor (id, municipality_id),
  CHECK ((status = 'redeemed') = (redeemed_at IS NOT NULL)),
  CHECK ((status = 'redeemed') = (redeemed_by_vendor_id IS NOT NULL AND redeemed_amount_ore IS NOT NULL
    AND receipt_number IS NOT NULL AND redemption_reference IS NOT NULL AND redemption_key IS NOT NULL)),
  CHECK ((status IN ('cancelled', 'expired')) = (ended_at IS NOT NULL)),
  CHECK (vendor_id IS NULL OR redeemed_by_vendor_id IS NULL OR vendor_id = redeemed_by_vendor_id)
);
CREATE INDEX voucher_case ON voucher (case_id);
CREATE INDEX voucher_issued_expiry ON voucher (expires_on) WHERE status = 'issued';

ALTER TABLE voucher ENABLE ROW LEVEL SECURITY;
ALTER TABLE voucher FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON voucher
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

-- A shop uploads its receipt without an account: an attachment is uploaded by a user or by a vendor.
ALTER TABLE purchase_attachment ALTER COLUMN uploaded_by DROP NOT NULL;
ALTER TABLE purchase_attachment ADD COLUMN uploaded_by_vendor_id uuid;
ALTER TABLE purchase_attachment ADD CONSTRAINT purchase_attachment_vendor
  FOREIGN KEY (uploaded_by_vendor_id, municipality_id) REFERENCES vendor (id, municipality_id);
ALTER TABLE purchase_attachment ADD CONSTRAINT purchase_attachment_uploader
  CHECK ((uploaded_by IS NULL) <> (uploaded_by_vendor_id IS NULL));

-- The citizen's access log names the shop that redeemed their voucher ("Butik X indløste dit
-- værdibevis"): a row is by a user or by a vendor.
ALTER TABLE access_log ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE access_log ADD COLUMN vendor_id uuid REFERENCES vendor (id);
ALTER TABLE access_log ADD CONSTRAINT access_log_who CHECK ((user_id IS NULL) <> (vendor_id IS NULL));

-- Messages waiting for a gateway (spec: Outbox): the voucher's SMS to the citizen. Without a gateway
-- configured they stay here, for the municipality to see; the body never holds a name or CPR number.
CREATE TABLE outbox_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  channel text NOT NULL CHECK (channel IN ('sms')),
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 40),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_message_unsent ON outbox_message (created_at) WHERE sent_at IS NULL;

ALTER TABLE outbox_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_message FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON outbox_message
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

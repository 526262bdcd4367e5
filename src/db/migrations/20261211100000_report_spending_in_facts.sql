-- The report's spending figures read the per-case facts too (ADR 0014). case_report_spending had a row
-- per case and expense category and per case and payment method: at 100,000 cases 838,000 rows, and
-- grouping them took most of the national report's time. Now each case's fact row carries, for every
-- expense category and every payment method, the purchases paid and their net amount, as columns of
-- their own: the report reads 100,000 rows once and sums columns. The codes are those the CHECK
-- constraints of purchase_request.category and ledger_entry.payment_method allow, so no purchase can
-- fall outside them; a new code is a migration of those constraints and of these columns.

ALTER TABLE case_report_fact
  ADD COLUMN category_transport_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_transport_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_education_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_education_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_electronics_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_electronics_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_housing_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_housing_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_health_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_health_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_exercise_leisure_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_exercise_leisure_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_family_experiences_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_family_experiences_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_debt_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_debt_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_clothing_care_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_clothing_care_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_business_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_business_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_other_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN category_other_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_invoice_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_invoice_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_requisition_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_requisition_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_payment_card_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_payment_card_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_bank_transfer_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_bank_transfer_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_direct_to_citizen_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_direct_to_citizen_net_ore bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_voucher_purchases bigint NOT NULL DEFAULT 0,
  ADD COLUMN method_voucher_net_ore bigint NOT NULL DEFAULT 0;

-- One case's facts: the case's own (the former case_report_source) and its purchases by expense
-- category and by payment method: the purchases paid and the net amount (payments − refunds). A purchase
-- is a request with a payment; payments without a request (none is made today) count together as one
-- purchase in `other`; a purchase's method is its payment's. This replaces case_report_spending_source,
-- with the same expressions; the postings are found by the case's own index, never through another scan
-- of the cases (a refresh in the middle of a bulk load has no statistics to plan one well).
ALTER VIEW case_report_source RENAME TO case_report_case_source;
CREATE VIEW case_report_source WITH (security_invoker = true) AS
SELECT f.*,
  coalesce(s.category_transport_purchases, 0) AS category_transport_purchases, coalesce(s.category_transport_net_ore, 0) AS category_transport_net_ore,
  coalesce(s.category_education_purchases, 0) AS category_education_purchases, coalesce(s.category_education_net_ore, 0) AS category_education_net_ore,
  coalesce(s.category_electronics_purchases, 0) AS category_electronics_purchases, coalesce(s.category_electronics_net_ore, 0) AS category_electronics_net_ore,
  coalesce(s.category_housing_purchases, 0) AS category_housing_purchases, coalesce(s.category_housing_net_ore, 0) AS category_housing_net_ore,
  coalesce(s.category_health_purchases, 0) AS category_health_purchases, coalesce(s.category_health_net_ore, 0) AS category_health_net_ore,
  coalesce(s.category_exercise_leisure_purchases, 0) AS category_exercise_leisure_purchases, coalesce(s.category_exercise_leisure_net_ore, 0) AS category_exercise_leisure_net_ore,
  coalesce(s.category_family_experiences_purchases, 0) AS category_family_experiences_purchases, coalesce(s.category_family_experiences_net_ore, 0) AS category_family_experiences_net_ore,
  coalesce(s.category_debt_purchases, 0) AS category_debt_purchases, coalesce(s.category_debt_net_ore, 0) AS category_debt_net_ore,
  coalesce(s.category_clothing_care_purchases, 0) AS category_clothing_care_purchases, coalesce(s.category_clothing_care_net_ore, 0) AS category_clothing_care_net_ore,
  coalesce(s.category_business_purchases, 0) AS category_business_purchases, coalesce(s.category_business_net_ore, 0) AS category_business_net_ore,
  coalesce(s.category_other_purchases, 0) AS category_other_purchases, coalesce(s.category_other_net_ore, 0) AS category_other_net_ore,
  coalesce(s.method_invoice_purchases, 0) AS method_invoice_purchases, coalesce(s.method_invoice_net_ore, 0) AS method_invoice_net_ore,
  coalesce(s.method_requisition_purchases, 0) AS method_requisition_purchases, coalesce(s.method_requisition_net_ore, 0) AS method_requisition_net_ore,
  coalesce(s.method_payment_card_purchases, 0) AS method_payment_card_purchases, coalesce(s.method_payment_card_net_ore, 0) AS method_payment_card_net_ore,
  coalesce(s.method_bank_transfer_purchases, 0) AS method_bank_transfer_purchases, coalesce(s.method_bank_transfer_net_ore, 0) AS method_bank_transfer_net_ore,
  coalesce(s.method_direct_to_citizen_purchases, 0) AS method_direct_to_citizen_purchases, coalesce(s.method_direct_to_citizen_net_ore, 0) AS method_direct_to_citizen_net_ore,
  coalesce(s.method_voucher_purchases, 0) AS method_voucher_purchases, coalesce(s.method_voucher_net_ore, 0) AS method_voucher_net_ore
FROM case_report_case_source f
LEFT JOIN LATERAL (
  SELECT
    sum(p.payments) FILTER (WHERE p.category = 'transport') AS category_transport_purchases,
    sum(p.net) FILTER (WHERE p.category = 'transport') AS category_transport_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'education') AS category_education_purchases,
    sum(p.net) FILTER (WHERE p.category = 'education') AS category_education_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'electronics') AS category_electronics_purchases,
    sum(p.net) FILTER (WHERE p.category = 'electronics') AS category_electronics_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'housing') AS category_housing_purchases,
    sum(p.net) FILTER (WHERE p.category = 'housing') AS category_housing_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'health') AS category_health_purchases,
    sum(p.net) FILTER (WHERE p.category = 'health') AS category_health_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'exercise_leisure') AS category_exercise_leisure_purchases,
    sum(p.net) FILTER (WHERE p.category = 'exercise_leisure') AS category_exercise_leisure_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'family_experiences') AS category_family_experiences_purchases,
    sum(p.net) FILTER (WHERE p.category = 'family_experiences') AS category_family_experiences_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'debt') AS category_debt_purchases,
    sum(p.net) FILTER (WHERE p.category = 'debt') AS category_debt_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'clothing_care') AS category_clothing_care_purchases,
    sum(p.net) FILTER (WHERE p.category = 'clothing_care') AS category_clothing_care_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'business') AS category_business_purchases,
    sum(p.net) FILTER (WHERE p.category = 'business') AS category_business_net_ore,
    sum(p.payments) FILTER (WHERE p.category = 'other') AS category_other_purchases,
    sum(p.net) FILTER (WHERE p.category = 'other') AS category_other_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'invoice') AS method_invoice_purchases,
    sum(p.net) FILTER (WHERE p.method = 'invoice') AS method_invoice_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'requisition') AS method_requisition_purchases,
    sum(p.net) FILTER (WHERE p.method = 'requisition') AS method_requisition_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'payment_card') AS method_payment_card_purchases,
    sum(p.net) FILTER (WHERE p.method = 'payment_card') AS method_payment_card_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'bank_transfer') AS method_bank_transfer_purchases,
    sum(p.net) FILTER (WHERE p.method = 'bank_transfer') AS method_bank_transfer_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'direct_to_citizen') AS method_direct_to_citizen_purchases,
    sum(p.net) FILTER (WHERE p.method = 'direct_to_citizen') AS method_direct_to_citizen_net_ore,
    sum(p.payments) FILTER (WHERE p.method = 'voucher') AS method_voucher_purchases,
    sum(p.net) FILTER (WHERE p.method = 'voucher') AS method_voucher_net_ore
  FROM (
    SELECT coalesce(r.category, 'other') AS category, b.method, b.payments, b.net
    FROM (
      SELECT l.purchase_request_id,
        min(l.payment_method) FILTER (WHERE l.kind = 'payment') AS method,
        count(*) FILTER (WHERE l.kind = 'payment') AS payments,
        coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'payment'), 0)
          - coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'refund'), 0) AS net
      FROM ledger_entry l
      WHERE l.case_id = f.case_id AND l.municipality_id = f.municipality_id AND l.kind IN ('payment', 'refund')
      GROUP BY l.purchase_request_id
      HAVING count(*) FILTER (WHERE l.kind = 'payment') > 0
    ) b
    LEFT JOIN purchase_request r ON r.id = b.purchase_request_id AND r.municipality_id = f.municipality_id
  ) p
) s ON true;

CREATE OR REPLACE FUNCTION case_report_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM citizen_case WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
  DELETE FROM case_report_fact WHERE case_id = ANY (ids);
  INSERT INTO case_report_fact SELECT * FROM case_report_source WHERE case_id = ANY (ids);
END
$$;

DROP TABLE case_report_spending;
DROP VIEW case_report_spending_source;

-- The cases there are already, filled again from the view (all of them, whichever municipality: the
-- scope ends with this migration's transaction).
SELECT set_config('app.scope', 'all', true);
DELETE FROM case_report_fact;
INSERT INTO case_report_fact SELECT * FROM case_report_source;

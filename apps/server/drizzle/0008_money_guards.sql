-- The ledger is append-only: a wrong posting is corrected by a reversing transaction, never edited.
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

--> statement-breakpoint
-- An issued invoice or credit note never changes: only its payment (due -> paid, once) and its
-- delivery bookkeeping (PDF key, mailed_at: each set once) may be filled in. Nothing is deleted.
CREATE OR REPLACE FUNCTION invoicing_documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'invoices are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.type, NEW.series, NEW.year, NEW.sequence, NEW.number, NEW.source_kind, NEW.source_id,
      NEW.credited_invoice_id, NEW.buyer_kind, NEW.buyer_id, NEW.buyer_name, NEW.buyer_email, NEW.buyer_address,
      NEW.buyer_ice, NEW.locale, NEW.seller, NEW.currency, NEW.subtotal_minor, NEW.vat_rate_bps, NEW.vat_minor,
      NEW.total_minor, NEW.due_at, NEW.pay_url, NEW.issued_at)
     IS DISTINCT FROM
     (OLD.id, OLD.type, OLD.series, OLD.year, OLD.sequence, OLD.number, OLD.source_kind, OLD.source_id,
      OLD.credited_invoice_id, OLD.buyer_kind, OLD.buyer_id, OLD.buyer_name, OLD.buyer_email, OLD.buyer_address,
      OLD.buyer_ice, OLD.locale, OLD.seller, OLD.currency, OLD.subtotal_minor, OLD.vat_rate_bps, OLD.vat_minor,
      OLD.total_minor, OLD.due_at, OLD.pay_url, OLD.issued_at) THEN
    RAISE EXCEPTION 'invoices are immutable: % is issued', OLD.number USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.status, NEW.payment_method, NEW.paid_at) IS DISTINCT FROM (OLD.status, OLD.payment_method, OLD.paid_at)
     AND NOT (OLD.status = 'due' AND NEW.status = 'paid') THEN
    RAISE EXCEPTION 'invoices are immutable: % payment already recorded', OLD.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (OLD.pdf_key IS NOT NULL AND NEW.pdf_key IS DISTINCT FROM OLD.pdf_key)
     OR (OLD.pdf_stored_at IS NOT NULL AND NEW.pdf_stored_at IS DISTINCT FROM OLD.pdf_stored_at)
     OR (OLD.mailed_at IS NOT NULL AND NEW.mailed_at IS DISTINCT FROM OLD.mailed_at) THEN
    RAISE EXCEPTION 'invoices are immutable: % was already delivered', OLD.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoicing_documents_immutable BEFORE UPDATE OR DELETE ON invoicing_documents
  FOR EACH ROW EXECUTE FUNCTION invoicing_documents_guard();
--> statement-breakpoint
CREATE TRIGGER invoicing_documents_no_truncate BEFORE TRUNCATE ON invoicing_documents
  FOR EACH STATEMENT EXECUTE FUNCTION invoicing_documents_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invoicing_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoices are immutable: % on invoice lines refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoicing_lines_immutable BEFORE UPDATE OR DELETE ON invoicing_lines
  FOR EACH ROW EXECUTE FUNCTION invoicing_lines_guard();
--> statement-breakpoint
CREATE TRIGGER invoicing_lines_no_truncate BEFORE TRUNCATE ON invoicing_lines
  FOR EACH STATEMENT EXECUTE FUNCTION invoicing_lines_guard();
--> statement-breakpoint
-- The counter only ever moves forward: a number once given is never given again.
CREATE OR REPLACE FUNCTION invoicing_counters_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.last_number < OLD.last_number OR (NEW.series, NEW.year) IS DISTINCT FROM (OLD.series, OLD.year) THEN
    RAISE EXCEPTION 'invoice numbering only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoicing_counters_forward BEFORE UPDATE OR DELETE ON invoicing_counters
  FOR EACH ROW EXECUTE FUNCTION invoicing_counters_guard();

--> statement-breakpoint
-- A document's lines are written in one statement, with the document, and add up to its subtotal:
-- a line added later (or a set that does not match the printed totals) is refused.
CREATE OR REPLACE FUNCTION invoicing_lines_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  offending text;
BEGIN
  SELECT d.number INTO offending
  FROM invoicing_documents d
  JOIN (SELECT document_id, count(*) AS n, sum(amount_minor) AS total FROM inserted GROUP BY document_id) i
    ON i.document_id = d.id
  WHERE i.n <> (SELECT count(*) FROM invoicing_lines l WHERE l.document_id = d.id)
     OR i.total <> d.subtotal_minor
  LIMIT 1;
  IF offending IS NOT NULL THEN
    RAISE EXCEPTION 'invoices are immutable: the lines of % are written once and add up to its subtotal', offending
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoicing_lines_complete AFTER INSERT ON invoicing_lines
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION invoicing_lines_complete();

--> statement-breakpoint
-- A transaction's entries are written in one statement and sum to zero in each currency: the
-- database refuses an unbalanced set, or an entry added later to a recorded transaction.
CREATE OR REPLACE FUNCTION ledger_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  offending uuid;
BEGIN
  SELECT i.transaction_id INTO offending
  FROM (SELECT DISTINCT transaction_id FROM inserted) i
  WHERE (SELECT count(*) FROM ledger_entries e WHERE e.transaction_id = i.transaction_id)
        <> (SELECT count(*) FROM inserted n WHERE n.transaction_id = i.transaction_id)
     OR EXISTS (
       SELECT 1 FROM inserted n WHERE n.transaction_id = i.transaction_id
       GROUP BY n.currency HAVING sum(n.amount_minor) <> 0
     )
  LIMIT 1;
  IF offending IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % is not balanced: its entries are written together and sum to zero per currency', offending
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_balanced();

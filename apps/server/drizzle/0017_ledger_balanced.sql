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

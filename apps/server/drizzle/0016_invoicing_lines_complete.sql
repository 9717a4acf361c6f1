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

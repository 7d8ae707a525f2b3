-- The vehicles subgraph's consultation log is append-only too (its own function, so the
-- schema can move to its own database).
CREATE FUNCTION vehicles.refuse_consultation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the consultation log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only
  BEFORE UPDATE OR DELETE ON vehicles.consultations
  FOR EACH ROW EXECUTE FUNCTION vehicles.refuse_consultation_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate
  BEFORE TRUNCATE ON vehicles.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION vehicles.refuse_consultation_change();

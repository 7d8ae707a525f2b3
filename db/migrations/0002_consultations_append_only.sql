-- The consultation log is append-only: no role, owner included, may rewrite history.
-- (A superuser could drop the trigger; the hash chain then shows any change.)
CREATE FUNCTION citizens.refuse_consultation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the consultation log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only
  BEFORE UPDATE OR DELETE ON citizens.consultations
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_consultation_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate
  BEFORE TRUNCATE ON citizens.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION citizens.refuse_consultation_change();

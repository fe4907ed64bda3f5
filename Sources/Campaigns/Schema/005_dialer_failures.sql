-- A dialer run that ends in an error, or is found to have stopped reporting, is closed with
-- the reason, so that supervisors stop being warned of it and its history says what happened.
ALTER TABLE dialer_runs ADD COLUMN failure text;

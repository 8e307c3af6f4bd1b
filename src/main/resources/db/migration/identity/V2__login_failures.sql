-- Failed sign-ins with a local account, by user name, for the brake on password guessing: in the
-- database so that it holds however many instances take sign-ins. A row is kept only as long as
-- the window it counts in (ten minutes by default); a successful sign-in removes the name's rows.
CREATE TABLE identity.login_failure (
    username_key TEXT NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_key_idx ON identity.login_failure (username_key, failed_at);
CREATE INDEX login_failure_at_idx ON identity.login_failure (failed_at);

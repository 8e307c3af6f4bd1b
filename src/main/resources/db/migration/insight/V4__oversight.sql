-- When each case was last supervised (management oversight), for the dashboard's drift list.
ALTER TABLE insight.case_row ADD COLUMN last_supervised_on DATE;
CREATE OR REPLACE VIEW insight.case_file AS
    SELECT * FROM insight.case_row WHERE allocated_at IS NOT NULL;

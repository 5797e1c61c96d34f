-- A briefing's delivery keeps the version it briefs instead of the rendered
-- message, which is made again from the archive when it is posted: the
-- rendered message was six times the article's text. message is '' then.
ALTER TABLE deliveries ADD COLUMN version_id INTEGER REFERENCES versions(id);

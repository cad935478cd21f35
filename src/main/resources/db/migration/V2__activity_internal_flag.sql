-- Activity entries about internal notes are hidden from submitters in the ticket's history.
ALTER TABLE activity_log ADD COLUMN internal BOOLEAN DEFAULT FALSE NOT NULL;

-- Uploads are mostly compressed already (PNG, JPEG, zip, PDF streams): PostgreSQL's TOAST would
-- spend CPU trying to compress each 256 KiB chunk again for next to nothing. EXTERNAL keeps the
-- chunks out of line without compression.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

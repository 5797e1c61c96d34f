-- The sentence each quote is in (summarize.Quote.SentenceStart and
-- SentenceEnd), as byte offsets in its version's body: the context /quotes
-- gives a fragment. NULL for quotes saved before.
ALTER TABLE quotes ADD COLUMN sentence_start INTEGER;
ALTER TABLE quotes ADD COLUMN sentence_end INTEGER;

-- Who wrote each article, as its page or feed gives it (summarize.Article.
-- Byline); '' when it does not say.
ALTER TABLE articles ADD COLUMN byline TEXT NOT NULL DEFAULT '';

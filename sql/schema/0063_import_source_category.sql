-- Another city's export names its own categories ("Ямы на дороге", "Pothole in Street"); the import maps them onto our
-- service types or areas, and keeps the text as the city wrote it, for the record and to revisit the mapping.
ALTER TABLE appeal_imports ADD COLUMN source_category text;

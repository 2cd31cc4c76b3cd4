-- The topic model moved from our own weight format to ML.NET (a zip of ML.NET model zips, MlTopicModel). Each version
-- names its format, and the app uses the newest promoted version of the format it reads: the old versions stay listed
-- with their figures, and the first ML.NET version is judged as a first model (nothing of its format to compare with).
ALTER TABLE classifier_models ADD COLUMN format text NOT NULL DEFAULT 'topic-model-1';
ALTER TABLE classifier_models ALTER COLUMN format DROP DEFAULT;
COMMENT ON COLUMN classifier_models.model IS 'the model in its format: mlnet-1 is a zip of ML.NET model zips and a manifest (MlTopicModel)';
CREATE INDEX classifier_models_format_promoted_idx ON classifier_models (format, id DESC) WHERE promoted;

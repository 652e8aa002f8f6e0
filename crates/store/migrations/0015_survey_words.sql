-- One word per concept: a questionnaire is the instrument, a survey one run
-- of it, a response one answer sheet. What the first schema called a
-- "campaign" is a survey. Renamed in place, data kept; indexes and foreign
-- keys follow the tables on both databases.
--
-- The one migration that is not additive: a server of an earlier version
-- must be stopped before it runs (see README.md here).
ALTER TABLE campaigns RENAME TO surveys;
ALTER TABLE campaign_services RENAME TO survey_services;
ALTER TABLE campaign_groups RENAME TO survey_groups;
ALTER TABLE survey_services RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE survey_groups RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE responses RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE response_cells RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE item_cells RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE dimension_cells RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE survey_tokens RENAME COLUMN campaign_id TO survey_id;
ALTER TABLE improvement_actions RENAME COLUMN campaign_id TO survey_id;
--@sqlite
DROP INDEX campaigns_by_office;
CREATE INDEX surveys_by_office ON surveys (office_id, opens_at);
DROP INDEX responses_by_campaign;
CREATE INDEX responses_by_survey ON responses (survey_id, dissatisfied, id);
DROP INDEX improvement_actions_by_campaign;
CREATE INDEX improvement_actions_by_survey ON improvement_actions (office_id, survey_id, id);
--@end
--@postgres
ALTER INDEX campaigns_by_office RENAME TO surveys_by_office;
ALTER INDEX responses_by_campaign RENAME TO responses_by_survey;
ALTER INDEX improvement_actions_by_campaign RENAME TO improvement_actions_by_survey;
--@end

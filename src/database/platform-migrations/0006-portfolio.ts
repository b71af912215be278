import { Migration } from '../migration';

/**
 * The host's portfolio view (issue 17): figures computed in each province that opted in, kept here
 * as aggregates only. A row is one figure (metric) of one province for one combination of
 * dimensions (stage, state, forum, sector, financial year; NULL where the metric does not use it):
 * a count and, for costs, an amount in Rs million. No project, title, person or document id has a
 * column here, and the job that fills it writes nothing else.
 */
export const portfolio0006: Migration = {
  id: '0006-portfolio',
  async up(db) {
    await db.query(`
      CREATE TABLE platform.portfolio_aggregates (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        province_slug   text NOT NULL,
        metric          text NOT NULL CHECK (metric ~ '^[a-z][a-z0-9_.]{1,63}$'),
        stage           text CHECK (length(stage) <= 40),
        state           text CHECK (length(state) <= 80),
        forum           text CHECK (length(forum) <= 80),
        sector          text CHECK (length(sector) <= 80),
        financial_year  text CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
        count           bigint NOT NULL CHECK (count >= 0),
        amount          numeric(20, 3),
        computed_at     timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX portfolio_aggregates_province_idx ON platform.portfolio_aggregates (province_slug)`);
    await db.query(`CREATE INDEX portfolio_aggregates_metric_idx ON platform.portfolio_aggregates (metric)`);
  },
};

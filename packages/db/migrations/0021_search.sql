-- pg_trgm is a trusted extension (Postgres 13+): the migrating owner role needs only CREATE on the
-- database, not superuser (docs/decisions/0035).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "onboarding_dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("description", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "project_search_idx" ON "project" USING gin ("search");--> statement-breakpoint
CREATE INDEX "project_name_trgm_idx" ON "project" USING gin ("name" gin_trgm_ops);
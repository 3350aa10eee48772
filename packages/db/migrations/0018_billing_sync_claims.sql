ALTER TABLE "customer" ADD COLUMN "sync_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "portal_visit" text;
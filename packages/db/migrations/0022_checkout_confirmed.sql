ALTER TABLE "checkout_session" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer" DROP COLUMN "sync_claimed_at";
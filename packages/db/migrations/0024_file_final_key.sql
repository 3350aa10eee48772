-- The checked copy (findings H1/H2, decision 0022): completing an upload copies the object its POST
-- policy names (storage_key) to final_key, which no policy names; checks, scans, resizes and
-- downloads read the copy. upload_swept_at records that the cleanup job deleted whatever the policy
-- let a browser write at storage_key after it expired. Rows from before this migration were checked
-- in place: their final key is their storage key and there is nothing to sweep. Pending rows get a
-- fresh final key under the same prefix. Avatars gain `superseded` (replaced or removed, kept until
-- the sweep).
ALTER TABLE "avatar" DROP CONSTRAINT "avatar_status_check";--> statement-breakpoint
ALTER TABLE "file" ADD COLUMN "final_key" text;--> statement-breakpoint
ALTER TABLE "file" ADD COLUMN "upload_swept_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "avatar" ADD COLUMN "final_key" text;--> statement-breakpoint
ALTER TABLE "avatar" ADD COLUMN "upload_swept_at" timestamp with time zone;--> statement-breakpoint
UPDATE "file" SET
  "final_key" = CASE WHEN "status" = 'pending'
    THEN regexp_replace("storage_key", '[^/]+$', gen_random_uuid()::text) ELSE "storage_key" END,
  "upload_swept_at" = CASE WHEN "status" = 'pending' THEN NULL ELSE now() END;--> statement-breakpoint
UPDATE "avatar" SET
  "final_key" = CASE WHEN "status" = 'pending'
    THEN regexp_replace("storage_key", '[^/]+$', gen_random_uuid()::text) ELSE "storage_key" END,
  "upload_swept_at" = CASE WHEN "status" = 'pending' THEN NULL ELSE now() END;--> statement-breakpoint
ALTER TABLE "file" ALTER COLUMN "final_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "avatar" ALTER COLUMN "final_key" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "file_final_key_key" ON "file" USING btree ("final_key");--> statement-breakpoint
CREATE UNIQUE INDEX "avatar_final_key_key" ON "avatar" USING btree ("final_key");--> statement-breakpoint
ALTER TABLE "avatar" ADD CONSTRAINT "avatar_status_check" CHECK ("avatar"."status" in ('pending', 'ready', 'rejected', 'superseded'));

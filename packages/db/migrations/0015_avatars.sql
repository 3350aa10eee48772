CREATE TABLE "avatar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"rejected_reason" text,
	"variants" jsonb,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "avatar_status_check" CHECK ("avatar"."status" in ('pending', 'ready', 'rejected')),
	CONSTRAINT "avatar_size_check" CHECK ("avatar"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "avatar" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "avatar" ADD CONSTRAINT "avatar_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "avatar_storage_key_key" ON "avatar" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "avatar_user_id_idx" ON "avatar" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "avatar_status_created_at_idx" ON "avatar" USING btree ("status","created_at");--> statement-breakpoint
CREATE POLICY "avatar_owner" ON "avatar" AS PERMISSIVE FOR ALL TO public USING ("avatar"."user_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end)) WITH CHECK ("avatar"."user_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end));--> statement-breakpoint
CREATE POLICY "avatar_jobs" ON "avatar" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.avatar_jobs', true) = 'on') WITH CHECK (current_setting('app.avatar_jobs', true) = 'on');
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"workspace_id" uuid,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"digest_pending" boolean DEFAULT false NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"workspace_id" uuid,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preference_key" UNIQUE NULLS NOT DISTINCT("user_id","workspace_id","category","channel"),
	CONSTRAINT "notification_preference_channel" CHECK ("notification_preference"."channel" in ('in_app', 'email')),
	CONSTRAINT "notification_preference_mode" CHECK ("notification_preference"."mode" in ('on', 'off') or ("notification_preference"."mode" = 'digest' and "notification_preference"."channel" = 'email'))
);
--> statement-breakpoint
ALTER TABLE "notification_preference" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "captured_mail" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_user_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_id_id_idx" ON "notification" USING btree ("recipient_id","id");--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("recipient_id","id") WHERE "notification"."read_at" is null and "notification"."in_app";--> statement-breakpoint
CREATE INDEX "notification_digest_idx" ON "notification" USING btree ("recipient_id","category") WHERE "notification"."digest_pending";--> statement-breakpoint
CREATE POLICY "notification_insert" ON "notification" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "notification_recipient_read" ON "notification" AS PERMISSIVE FOR SELECT TO public USING ("notification"."recipient_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end));--> statement-breakpoint
CREATE POLICY "notification_recipient_update" ON "notification" AS PERMISSIVE FOR UPDATE TO public USING ("notification"."recipient_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end)) WITH CHECK ("notification"."recipient_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end));--> statement-breakpoint
CREATE POLICY "notification_digest_run" ON "notification" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.digest_run', true) = 'on');--> statement-breakpoint
CREATE POLICY "notification_digest_clear" ON "notification" AS PERMISSIVE FOR UPDATE TO public USING ("notification"."digest_pending" and current_setting('app.digest_run', true) = 'on') WITH CHECK (current_setting('app.digest_run', true) = 'on');--> statement-breakpoint
CREATE POLICY "notification_recipient_delete" ON "notification" AS PERMISSIVE FOR DELETE TO public USING ("notification"."recipient_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end));--> statement-breakpoint
CREATE POLICY "notification_preference_owner" ON "notification_preference" AS PERMISSIVE FOR ALL TO public USING ("notification_preference"."user_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end)) WITH CHECK ("notification_preference"."user_id" = (case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end));--> statement-breakpoint
CREATE POLICY "notification_preference_notify_read" ON "notification_preference" AS PERMISSIVE FOR SELECT TO public USING ("notification_preference"."user_id" = any(string_to_array(nullif(current_setting('app.notify_recipients', true), ''), ',')::uuid[]));
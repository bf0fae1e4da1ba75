CREATE TABLE "indicator_targets" (
	"county_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"measure" varchar(32) NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold" numeric(12, 2),
	"direction" varchar(10) NOT NULL,
	"levels" varchar(8)[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "indicator_targets_county_id_year_measure_pk" PRIMARY KEY("county_id","year","measure")
);
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
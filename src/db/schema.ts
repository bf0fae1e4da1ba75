/** Every table of the one schema, for Drizzle and drizzle-kit. Modules own their tables. */
export * from '../modules/organisations/org.table';
export * from '../modules/accounts/account.table';
export * from '../modules/audit/audit.table';
export * from '../modules/settings/settings.table';
export * from '../modules/people/people.table';
export * from '../modules/teachers/teachers.table';
export * from '../modules/imports/imports.table';
export * from '../modules/files/files.table';
export * from '../modules/courses/courses.table';
export * from '../modules/activities/activities.table';
export * from '../modules/signin/signin.table';
export * from '../modules/signin/resident-account.table';
export * from '../modules/credits/credits.table';
export * from '../modules/courses/course-rules.table';
export * from '../modules/credits/credit-bank.table';

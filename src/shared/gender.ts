import { labelled } from './locale';

/** A person's gender as the forms ask it and an ID-card number tells it (teachers and residents alike). */
export const [GENDERS, GENDER_LABELS] = labelled({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});
export type Gender = (typeof GENDERS)[number];

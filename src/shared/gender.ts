import type { Label } from './locale';

/** A person's gender as the forms ask it and an ID-card number tells it (teachers and residents alike). */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, Label> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

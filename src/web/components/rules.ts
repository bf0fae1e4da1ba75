import type { Rule } from 'antd/es/form';
import { isValidPhone, normalizePhone } from '../../shared/phone';
import type { Msg } from '../i18n/i18n';
import { M } from '../i18n/messages';

type T = (msg: Msg, params?: Record<string, unknown>) => string;

/** Client-side checks that mirror the server's schemas (the server still decides). */
export const rules = {
  required: (t: T): Rule => ({ required: true, whitespace: true, message: t(M.required) }),
  /** Something chosen or entered that is not text (a choice, a number, a date). */
  chosen: (t: T): Rule => ({ required: true, message: t(M.required) }),
  max: (t: T, n: number): Rule => ({ max: n, message: t(M.maxChars, { n }) }),
  phone: (t: T): Rule => ({
    validator: async (_r, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      if (!isValidPhone(normalizePhone(v))) throw new Error(t(M.phoneInvalid));
    },
  }),
};

/** Blank text becomes null, as the server stores it. */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null));

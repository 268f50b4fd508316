import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';

/** German is the source language: de.json holds every text; other languages translate it. */
export function initI18n() {
  return i18next.use(initReactI18next).init({
    lng: 'de',
    fallbackLng: 'de',
    resources: { de: { translation: de } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

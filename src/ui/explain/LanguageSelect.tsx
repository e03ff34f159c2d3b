import type { LanguageChoice } from './explanation-languages';

export interface LanguageSelectProps {
  id: string;
  label: string;
  value: string;
  languages: readonly LanguageChoice[];
  onChange: (code: string) => void;
}

/** A labelled choice of language, each named in its own language (and tagged with it). */
export function LanguageSelect({ id, label, value, languages, onChange }: LanguageSelectProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {languages.map((option) => (
          <option value={option.code} key={option.code} lang={option.code}>
            {option.nativeName}
          </option>
        ))}
      </select>
    </>
  );
}

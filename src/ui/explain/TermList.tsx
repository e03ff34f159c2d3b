import type { TFunction } from 'i18next';
import { termById } from '../../glossary/catalogue';
import type { TermGroup } from './term-text';

interface Props {
  groups: readonly TermGroup[];
  /** UI translator (category names, counts). */
  t: TFunction;
  /** One-line explanation shown under each term, if known. */
  gloss: (id: string) => string | undefined;
  /** `lang` of a term's one-line explanation. */
  glossLang: (id: string) => string;
  showReadings: boolean;
  selected?: string | undefined;
  onChoose: (id: string) => void;
  /** Heading level of the category names (the page decides the outline). */
  headingLevel: 2 | 3;
}

/** Terms grouped by category, each a button that shows (or goes to) the term. */
export function TermList({
  groups,
  t,
  gloss,
  glossLang,
  showReadings,
  selected,
  onChoose,
  headingLevel,
}: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="term-list">
      {groups.map((group) => {
        const headingId = `category-${group.category}`;
        return (
          <section class="term-group" key={group.category} aria-labelledby={headingId}>
            <Heading id={headingId}>
              {t('sidepanel.categoryHeading', {
                category: t(`sidepanel.categories.${group.category}`),
                count: group.terms.length,
              })}
            </Heading>
            <ul class="plain">
              {group.terms.map(({ id, count }) => {
                const term = termById(id);
                if (!term) return null;
                const text = gloss(id);
                return (
                  <li key={id}>
                    <button
                      type="button"
                      class="term-button"
                      data-term={id}
                      aria-pressed={selected === id}
                      onClick={() => onChoose(id)}
                    >
                      <span>
                        <span class="ja" lang="ja">
                          {term.ja}
                        </span>
                        {showReadings ? (
                          <span class="reading muted" lang="ja">
                            {' '}
                            （{term.reading}）
                          </span>
                        ) : null}
                        {text ? (
                          <span class="gloss" lang={glossLang(id)}>
                            {text}
                          </span>
                        ) : null}
                      </span>
                      {count > 0 ? (
                        <span class="count">{t('sidepanel.occurrences', { count })}</span>
                      ) : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

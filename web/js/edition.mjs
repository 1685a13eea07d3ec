// edition.mjs: owns which language the reader gets. dist/ holds one whole site per language
// (English in dist/, Spanish in dist/es/, ...: scripts/build-site.mjs), each a folder a
// teacher can copy or package alone, so the page only has to choose between folders:
//   ?lang=es                   that edition, wherever the page was opened (a host's iframe
//                              src can say it too: index.html?embed=1&lang=es)
//   else, at the site's root   the browser's first language that has a complete edition
//   else                       this edition.
// LESSON_EDITIONS (set by the build; empty when only one edition was built): [{lang, href,
// auto}], href from this page's folder ('./' for the page itself at the site's root), auto
// when the reader's browser language may choose it (its catalog is complete).
const EDITIONS = typeof LESSON_EDITIONS !== 'undefined' ? LESSON_EDITIONS : [];

// A language tag's edition: an exact match, else the same language ("es-MX" -> "es").
function editionFor(tag, editions) {
  const lower = String(tag || '').toLowerCase();
  return editions.find((e) => e.lang === lower) || editions.find((e) => e.lang === lower.split('-')[0]) || null;
}

// Where this page should go instead (a URL), or null to stay. current: this page's lang.
export function editionTarget({ search, hash, languages, current }, editions = EDITIONS) {
  const here = editions.find((e) => e.lang === current);
  if (!here) return null;
  const root = here.href === './';  // the edition a plain link to the site opens
  const params = new URLSearchParams(search);
  let chosen = null;
  if (params.has('lang')) {
    chosen = editionFor(params.get('lang'), editions);
    if (!chosen) console.warn('lesson: no edition in "' + String(params.get('lang')).slice(0, 20) + '"; staying in ' + current);
  } else if (root) {
    for (const tag of languages || []) {
      const found = editionFor(tag, editions);
      if (found && (found.auto || found.lang === current)) { chosen = found; break; }
    }
  }
  if (!chosen || chosen.lang === current) return null;
  // The reader's other keys (embed, a scene) go along; lang is said again, so that the
  // edition reached is the reader's choice and its own root rule never sends them back.
  params.set('lang', chosen.lang);
  return chosen.href + '?' + params.toString() + (hash || '');
}

// Goes to the edition the reader asked for; true when leaving (start nothing else then).
// A package (SCORM, cmi5) and the single file hold one edition: they stay.
export function goToEdition(inline) {
  const html = document.documentElement;
  if (inline || html.dataset.package) return false;
  const target = editionTarget({
    search: location.search,
    hash: location.hash,
    languages: navigator.languages || [navigator.language],
    current: html.lang,
  });
  if (!target) return false;
  location.replace(target);
  return true;
}

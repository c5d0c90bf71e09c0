// Demo only: clears what the memory backend and the element stored in this browser.
document.getElementById('forget')?.addEventListener('click', () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('comment-thread:')) localStorage.removeItem(key);
  sessionStorage.clear();
  location.reload();
});

// The language switcher: the thread re-words itself when its `lang` changes. `?lang=ar` opens the page in
// that language, so a link can show a reader the thread as they will see it.
const thread = document.querySelector('comment-thread');
const language = document.getElementById('language');
if (thread && language instanceof HTMLSelectElement) {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && [...language.options].some((option) => option.value === asked)) thread.lang = asked;
  language.value = thread.lang || document.documentElement.lang;
  language.addEventListener('change', () => {
    thread.lang = language.value;
    const url = new URL(location.href);
    url.searchParams.set('lang', language.value);
    history.replaceState(null, '', url);
  });
}
